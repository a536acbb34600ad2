export const id = 1102;
export const ids = [1102];
export const modules = {

/***/ 1102:
/***/ ((module) => {

module.exports = eval("require")("@libsql/client");


/***/ })

};
