export const id = 960;
export const ids = [960,9815];
export const modules = {

/***/ 9815:
/***/ ((module) => {

module.exports = eval("require")("better-sqlite3");


/***/ }),

/***/ 960:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  drizzle: () => (/* reexport */ drizzle)
});

// UNUSED EXPORTS: BetterSQLite3Database, BetterSQLiteSession, BetterSQLiteTransaction, PreparedQuery

// EXTERNAL MODULE: ./node_modules/@vercel/ncc/dist/ncc/@@notfound.js?better-sqlite3
var _notfoundbetter_sqlite3 = __webpack_require__(9815);
// EXTERNAL MODULE: ./node_modules/drizzle-orm/entity.js
var entity = __webpack_require__(1731);
// EXTERNAL MODULE: ./node_modules/drizzle-orm/logger.js
var drizzle_orm_logger = __webpack_require__(1352);
// EXTERNAL MODULE: ./node_modules/drizzle-orm/relations.js + 1 modules
var relations = __webpack_require__(1700);
// EXTERNAL MODULE: ./node_modules/drizzle-orm/sqlite-core/db.js + 8 modules
var db = __webpack_require__(8993);
// EXTERNAL MODULE: ./node_modules/drizzle-orm/sqlite-core/dialect.js
var sqlite_core_dialect = __webpack_require__(6203);
// EXTERNAL MODULE: ./node_modules/drizzle-orm/utils.js
var utils = __webpack_require__(963);
// EXTERNAL MODULE: ./node_modules/drizzle-orm/cache/core/cache.js
var cache = __webpack_require__(6162);
// EXTERNAL MODULE: ./node_modules/drizzle-orm/sql/sql.js
var sql = __webpack_require__(6133);
// EXTERNAL MODULE: ./node_modules/drizzle-orm/sqlite-core/session.js
var session = __webpack_require__(6833);
;// CONCATENATED MODULE: ./node_modules/drizzle-orm/better-sqlite3/session.js







class BetterSQLiteSession extends session/* SQLiteSession */.N9 {
  constructor(client, dialect, schema, options = {}) {
    super(dialect);
    this.client = client;
    this.schema = schema;
    this.logger = options.logger ?? new drizzle_orm_logger/* NoopLogger */.Pv();
    this.cache = options.cache ?? new cache/* NoopCache */.Th();
  }
  static [entity/* entityKind */.i] = "BetterSQLiteSession";
  logger;
  cache;
  prepareQuery(query, fields, executeMethod, isResponseInArrayMode, customResultMapper, queryMetadata, cacheConfig) {
    const stmt = this.client.prepare(query.sql);
    return new PreparedQuery(
      stmt,
      query,
      this.logger,
      this.cache,
      queryMetadata,
      cacheConfig,
      fields,
      executeMethod,
      isResponseInArrayMode,
      customResultMapper
    );
  }
  transaction(transaction, config = {}) {
    const tx = new BetterSQLiteTransaction("sync", this.dialect, this, this.schema);
    const nativeTx = this.client.transaction(transaction);
    return nativeTx[config.behavior ?? "deferred"](tx);
  }
}
class BetterSQLiteTransaction extends session/* SQLiteTransaction */.X0 {
  static [entity/* entityKind */.i] = "BetterSQLiteTransaction";
  transaction(transaction) {
    const savepointName = `sp${this.nestedIndex}`;
    const tx = new BetterSQLiteTransaction("sync", this.dialect, this.session, this.schema, this.nestedIndex + 1);
    this.session.run(sql/* sql */.ll.raw(`savepoint ${savepointName}`));
    try {
      const result = transaction(tx);
      this.session.run(sql/* sql */.ll.raw(`release savepoint ${savepointName}`));
      return result;
    } catch (err) {
      this.session.run(sql/* sql */.ll.raw(`rollback to savepoint ${savepointName}`));
      throw err;
    }
  }
}
class PreparedQuery extends session/* SQLitePreparedQuery */.Eb {
  constructor(stmt, query, logger, cache, queryMetadata, cacheConfig, fields, executeMethod, _isResponseInArrayMode, customResultMapper) {
    super("sync", executeMethod, query, cache, queryMetadata, cacheConfig);
    this.stmt = stmt;
    this.logger = logger;
    this.fields = fields;
    this._isResponseInArrayMode = _isResponseInArrayMode;
    this.customResultMapper = customResultMapper;
  }
  static [entity/* entityKind */.i] = "BetterSQLitePreparedQuery";
  run(placeholderValues) {
    const params = (0,sql/* fillPlaceholders */.Ct)(this.query.params, placeholderValues ?? {});
    this.logger.logQuery(this.query.sql, params);
    return this.stmt.run(...params);
  }
  all(placeholderValues) {
    const { fields, joinsNotNullableMap, query, logger, stmt, customResultMapper } = this;
    if (!fields && !customResultMapper) {
      const params = (0,sql/* fillPlaceholders */.Ct)(query.params, placeholderValues ?? {});
      logger.logQuery(query.sql, params);
      return stmt.all(...params);
    }
    const rows = this.values(placeholderValues);
    if (customResultMapper) {
      return customResultMapper(rows);
    }
    return rows.map((row) => (0,utils/* mapResultRow */.a6)(fields, row, joinsNotNullableMap));
  }
  get(placeholderValues) {
    const params = (0,sql/* fillPlaceholders */.Ct)(this.query.params, placeholderValues ?? {});
    this.logger.logQuery(this.query.sql, params);
    const { fields, stmt, joinsNotNullableMap, customResultMapper } = this;
    if (!fields && !customResultMapper) {
      return stmt.get(...params);
    }
    const row = stmt.raw().get(...params);
    if (!row) {
      return void 0;
    }
    if (customResultMapper) {
      return customResultMapper([row]);
    }
    return (0,utils/* mapResultRow */.a6)(fields, row, joinsNotNullableMap);
  }
  values(placeholderValues) {
    const params = (0,sql/* fillPlaceholders */.Ct)(this.query.params, placeholderValues ?? {});
    this.logger.logQuery(this.query.sql, params);
    return this.stmt.raw().all(...params);
  }
  /** @internal */
  isResponseInArrayMode() {
    return this._isResponseInArrayMode;
  }
}

//# sourceMappingURL=session.js.map
;// CONCATENATED MODULE: ./node_modules/drizzle-orm/better-sqlite3/driver.js








class BetterSQLite3Database extends db/* BaseSQLiteDatabase */.N {
  static [entity/* entityKind */.i] = "BetterSQLite3Database";
}
function construct(client, config = {}) {
  const dialect = new sqlite_core_dialect/* SQLiteSyncDialect */._K({ casing: config.casing });
  let logger;
  if (config.logger === true) {
    logger = new drizzle_orm_logger/* DefaultLogger */.w();
  } else if (config.logger !== false) {
    logger = config.logger;
  }
  let schema;
  if (config.schema) {
    const tablesConfig = (0,relations/* extractTablesRelationalConfig */._k)(
      config.schema,
      relations/* createTableRelationsHelpers */.DZ
    );
    schema = {
      fullSchema: config.schema,
      schema: tablesConfig.tables,
      tableNamesMap: tablesConfig.tableNamesMap
    };
  }
  const session = new BetterSQLiteSession(client, dialect, schema, { logger });
  const db = new BetterSQLite3Database("sync", dialect, session, schema);
  db.$client = client;
  return db;
}
function drizzle(...params) {
  if (params[0] === void 0 || typeof params[0] === "string") {
    const instance = params[0] === void 0 ? new _notfoundbetter_sqlite3() : new _notfoundbetter_sqlite3(params[0]);
    return construct(instance, params[1]);
  }
  if ((0,utils/* isConfig */.Lq)(params[0])) {
    const { connection, client, ...drizzleConfig } = params[0];
    if (client) return construct(client, drizzleConfig);
    if (typeof connection === "object") {
      const { source, ...options } = connection;
      const instance2 = new _notfoundbetter_sqlite3(source, options);
      return construct(instance2, drizzleConfig);
    }
    const instance = new _notfoundbetter_sqlite3(connection);
    return construct(instance, drizzleConfig);
  }
  return construct(params[0], params[1]);
}
((drizzle2) => {
  function mock(config) {
    return construct({}, config);
  }
  drizzle2.mock = mock;
})(drizzle || (drizzle = {}));

//# sourceMappingURL=driver.js.map
;// CONCATENATED MODULE: ./node_modules/drizzle-orm/better-sqlite3/index.js


//# sourceMappingURL=index.js.map

/***/ })

};
