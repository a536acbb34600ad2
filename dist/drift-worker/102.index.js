export const id = 102;
export const ids = [102];
export const modules = {

/***/ 1102:
/***/ ((module) => {

module.exports = eval("require")("@libsql/client");


/***/ })

};
