export const id = 2663;
export const ids = [2663];
export const modules = {

/***/ 2663:
/***/ ((module) => {

module.exports = eval("require")("@planetscale/database");


/***/ })

};
