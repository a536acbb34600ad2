export const id = 1568;
export const ids = [1568];
export const modules = {

/***/ 1568:
/***/ ((module) => {

module.exports = eval("require")("postgres");


/***/ })

};
