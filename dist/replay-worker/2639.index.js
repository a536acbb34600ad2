export const id = 2639;
export const ids = [2639];
export const modules = {

/***/ 2639:
/***/ ((module) => {

module.exports = eval("require")("mysql2/promise");


/***/ })

};
