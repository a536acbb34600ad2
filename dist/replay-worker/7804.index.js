export const id = 7804;
export const ids = [7804];
export const modules = {

/***/ 7804:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  sql: () => (/* reexport */ sql/* sql */.ll)
});

// UNUSED EXPORTS: BaseName, Column, ColumnAliasProxyHandler, ColumnBuilder, Columns, ConsoleLogWriter, DefaultLogger, DrizzleError, DrizzleQueryError, ExtraConfigBuilder, ExtraConfigColumns, FakePrimitiveParam, IsAlias, Many, Name, NoopLogger, One, OriginalName, Param, Placeholder, QueryPromise, Relation, RelationTableAliasProxyHandler, Relations, SQL, Schema, StringChunk, Subquery, Table, TableAliasProxyHandler, TransactionRollbackError, View, ViewBaseConfig, WithSubquery, aliasedRelation, aliasedTable, aliasedTableColumn, and, applyMixins, arrayContained, arrayContains, arrayOverlaps, asc, avg, avgDistinct, between, bindIfParam, cosineDistance, count, countDistinct, createMany, createOne, createTableRelationsHelpers, desc, entityKind, eq, exists, extractTablesRelationalConfig, fillPlaceholders, getColumnNameAndConfig, getOperators, getOrderByOperators, getTableColumns, getTableLikeName, getTableName, getTableUniqueName, getViewName, getViewSelectedFields, gt, gte, hammingDistance, hasOwnEntityKind, haveSameKeys, ilike, inArray, innerProduct, is, isConfig, isDriverValueEncoder, isNotNull, isNull, isSQLWrapper, isTable, isView, jaccardDistance, l1Distance, l2Distance, like, lt, lte, mapColumnsInAliasedSQLToAlias, mapColumnsInSQLToAlias, mapRelationalRow, mapResultRow, mapUpdateSet, max, min, name, ne, noopDecoder, noopEncoder, noopMapper, normalizeRelation, not, notBetween, notExists, notIlike, notInArray, notLike, or, orderSelectedFields, param, placeholder, relations, sum, sumDistinct, textDecoder

// EXTERNAL MODULE: ./node_modules/drizzle-orm/sql/sql.js
var sql = __webpack_require__(6133);
;// CONCATENATED MODULE: ./node_modules/drizzle-orm/sql/index.js



//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/drizzle-orm/index.js














//# sourceMappingURL=index.js.map

/***/ })

};
