export const id = 9095;
export const ids = [9095];
export const modules = {

/***/ 9095:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   vector: () => (/* binding */ i)
/* harmony export */ });
var t=async(n,e)=>({emscriptenOpts:e,bundlePath:__webpack_require__.ab + "vector.tar.gz"}),i={name:"vector",setup:t};
//# sourceMappingURL=index.js.map

/***/ })

};
