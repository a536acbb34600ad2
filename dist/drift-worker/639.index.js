export const id = 639;
export const ids = [639];
export const modules = {

/***/ 2639:
/***/ ((module) => {

module.exports = eval("require")("mysql2/promise");


/***/ })

};
