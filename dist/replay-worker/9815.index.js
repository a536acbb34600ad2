export const id = 9815;
export const ids = [9815];
export const modules = {

/***/ 9815:
/***/ ((module) => {

module.exports = eval("require")("better-sqlite3");


/***/ })

};
