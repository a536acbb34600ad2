export const id = 784;
export const ids = [784];
export const modules = {

/***/ 981:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ u)
/* harmony export */ });
/* unused harmony exports a, b, c, d, e, f, g, h, i */
var p=Object.create;var i=Object.defineProperty;var c=Object.getOwnPropertyDescriptor;var f=Object.getOwnPropertyNames;var l=Object.getPrototypeOf,s=Object.prototype.hasOwnProperty;var a=t=>{throw TypeError(t)};var _=(t,e,o)=>e in t?i(t,e,{enumerable:!0,configurable:!0,writable:!0,value:o}):t[e]=o;var d=(t,e)=>()=>(t&&(e=t(t=0)),e);var D=(t,e)=>()=>(e||t((e={exports:{}}).exports,e),e.exports),F=(t,e)=>{for(var o in e)i(t,o,{get:e[o],enumerable:!0})},g=(t,e,o,m)=>{if(e&&typeof e=="object"||typeof e=="function")for(let r of f(e))!s.call(t,r)&&r!==o&&i(t,r,{get:()=>e[r],enumerable:!(m=c(e,r))||m.enumerable});return t};var L=(t,e,o)=>(o=t!=null?p(l(t)):{},g(e||!t||!t.__esModule?i(o,"default",{value:t,enumerable:!0}):o,t));var P=(t,e,o)=>_(t,typeof e!="symbol"?e+"":e,o),n=(t,e,o)=>e.has(t)||a("Cannot "+o);var h=(t,e,o)=>(n(t,e,"read from private field"),o?o.call(t):e.get(t)),R=(t,e,o)=>e.has(t)?a("Cannot add the same private member more than once"):e instanceof WeakSet?e.add(t):e.set(t,o),x=(t,e,o,m)=>(n(t,e,"write to private field"),m?m.call(t,o):e.set(t,o),o),T=(t,e,o)=>(n(t,e,"access private method"),o);var U=(t,e,o,m)=>({set _(r){x(t,e,r,o)},get _(){return h(t,e,m)}});var u=d(()=>{"use strict"});
//# sourceMappingURL=chunk-QY3QWFKW.js.map

/***/ }),

/***/ 7784:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   tsm_system_time: () => (/* binding */ r)
/* harmony export */ });
/* harmony import */ var _chunk_QY3QWFKW_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(981);
(0,_chunk_QY3QWFKW_js__WEBPACK_IMPORTED_MODULE_0__.j)();var t=async(s,n)=>({bundlePath:__webpack_require__.ab + "tsm_system_time.tar.gz"}),r={name:"tsm_system_time",setup:t};
//# sourceMappingURL=tsm_system_time.js.map

/***/ })

};
