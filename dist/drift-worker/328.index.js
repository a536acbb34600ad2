export const id = 328;
export const ids = [328];
export const modules = {

/***/ 5328:
/***/ ((module) => {

module.exports = eval("require")("@vercel/postgres");


/***/ })

};
