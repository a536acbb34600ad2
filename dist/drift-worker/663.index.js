export const id = 663;
export const ids = [663];
export const modules = {

/***/ 2663:
/***/ ((module) => {

module.exports = eval("require")("@planetscale/database");


/***/ })

};
