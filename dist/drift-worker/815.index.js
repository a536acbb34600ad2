export const id = 815;
export const ids = [815];
export const modules = {

/***/ 9815:
/***/ ((module) => {

module.exports = eval("require")("better-sqlite3");


/***/ })

};
