export const id = 568;
export const ids = [568];
export const modules = {

/***/ 1568:
/***/ ((module) => {

module.exports = eval("require")("postgres");


/***/ })

};
