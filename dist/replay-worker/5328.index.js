export const id = 5328;
export const ids = [5328];
export const modules = {

/***/ 5328:
/***/ ((module) => {

module.exports = eval("require")("@vercel/postgres");


/***/ })

};
