export const id = 1989;
export const ids = [1989];
export const modules = {

/***/ 1989:
/***/ ((module) => {

module.exports = eval("require")("@neondatabase/serverless");


/***/ })

};
