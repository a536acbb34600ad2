export const id = 989;
export const ids = [989];
export const modules = {

/***/ 1989:
/***/ ((module) => {

module.exports = eval("require")("@neondatabase/serverless");


/***/ })

};
