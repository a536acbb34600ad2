export const id = 5953;
export const ids = [5953];
export const modules = {

/***/ 6880:
/***/ ((module) => {

module.exports = eval("require")("@aws-sdk/client-rds-data");


/***/ }),

/***/ 5953:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  AwsDataApiSession: () => (/* reexport */ AwsDataApiSession),
  drizzle: () => (/* reexport */ drizzle)
});

// UNUSED EXPORTS: AwsDataApiPgDatabase, AwsDataApiPreparedQuery, AwsDataApiTransaction, AwsPgDialect

// EXTERNAL MODULE: ./node_modules/@vercel/ncc/dist/ncc/@@notfound.js?@aws-sdk/client-rds-data
var client_rds_data = __webpack_require__(6880);
// EXTERNAL MODULE: ./node_modules/drizzle-orm/entity.js
var entity = __webpack_require__(1731);
// EXTERNAL MODULE: ./node_modules/drizzle-orm/logger.js
var drizzle_orm_logger = __webpack_require__(1352);
// EXTERNAL MODULE: ./node_modules/drizzle-orm/pg-core/db.js + 7 modules
var db = __webpack_require__(6763);
// EXTERNAL MODULE: ./node_modules/drizzle-orm/pg-core/dialect.js
var dialect = __webpack_require__(888);
// EXTERNAL MODULE: ./node_modules/drizzle-orm/pg-core/columns/common.js + 1 modules
var common = __webpack_require__(5438);
// EXTERNAL MODULE: ./node_modules/drizzle-orm/relations.js + 1 modules
var relations = __webpack_require__(1700);
// EXTERNAL MODULE: ./node_modules/drizzle-orm/sql/sql.js
var sql = __webpack_require__(6133);
// EXTERNAL MODULE: ./node_modules/drizzle-orm/table.js
var drizzle_orm_table = __webpack_require__(4934);
// EXTERNAL MODULE: ./node_modules/drizzle-orm/cache/core/cache.js
var cache = __webpack_require__(6162);
// EXTERNAL MODULE: ./node_modules/drizzle-orm/pg-core/session.js
var session = __webpack_require__(2422);
// EXTERNAL MODULE: ./node_modules/drizzle-orm/utils.js
var utils = __webpack_require__(963);
;// CONCATENATED MODULE: ./node_modules/drizzle-orm/aws-data-api/common/index.js

function getValueFromDataApi(field) {
  if (field.stringValue !== void 0) {
    return field.stringValue;
  } else if (field.booleanValue !== void 0) {
    return field.booleanValue;
  } else if (field.doubleValue !== void 0) {
    return field.doubleValue;
  } else if (field.isNull !== void 0) {
    return null;
  } else if (field.longValue !== void 0) {
    return field.longValue;
  } else if (field.blobValue !== void 0) {
    return field.blobValue;
  } else if (field.arrayValue !== void 0) {
    if (field.arrayValue.stringValues !== void 0) {
      return field.arrayValue.stringValues;
    }
    if (field.arrayValue.longValues !== void 0) {
      return field.arrayValue.longValues;
    }
    if (field.arrayValue.doubleValues !== void 0) {
      return field.arrayValue.doubleValues;
    }
    if (field.arrayValue.booleanValues !== void 0) {
      return field.arrayValue.booleanValues;
    }
    if (field.arrayValue.arrayValues !== void 0) {
      return field.arrayValue.arrayValues;
    }
    throw new Error("Unknown array type");
  } else {
    throw new Error("Unknown type");
  }
}
function typingsToAwsTypeHint(typings) {
  if (typings === "date") {
    return client_rds_data.TypeHint.DATE;
  } else if (typings === "decimal") {
    return client_rds_data.TypeHint.DECIMAL;
  } else if (typings === "json") {
    return client_rds_data.TypeHint.JSON;
  } else if (typings === "time") {
    return client_rds_data.TypeHint.TIME;
  } else if (typings === "timestamp") {
    return client_rds_data.TypeHint.TIMESTAMP;
  } else if (typings === "uuid") {
    return client_rds_data.TypeHint.UUID;
  } else {
    return void 0;
  }
}
function toValueParam(value, typings) {
  const response = {
    value: {},
    typeHint: typingsToAwsTypeHint(typings)
  };
  if (value === null) {
    response.value = { isNull: true };
  } else if (typeof value === "string") {
    switch (response.typeHint) {
      case client_rds_data.TypeHint.DATE: {
        response.value = { stringValue: value.split("T")[0] };
        break;
      }
      case client_rds_data.TypeHint.TIMESTAMP: {
        response.value = { stringValue: value.replace("T", " ").replace("Z", "") };
        break;
      }
      default: {
        response.value = { stringValue: value };
        break;
      }
    }
  } else if (typeof value === "number" && Number.isInteger(value)) {
    response.value = { longValue: value };
  } else if (typeof value === "number" && !Number.isInteger(value)) {
    response.value = { doubleValue: value };
  } else if (typeof value === "boolean") {
    response.value = { booleanValue: value };
  } else if (value instanceof Date) {
    response.value = { stringValue: value.toISOString().replace("T", " ").replace("Z", "") };
  } else {
    throw new Error(`Unknown type for ${value}`);
  }
  return response;
}

//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/drizzle-orm/aws-data-api/pg/session.js







class AwsDataApiPreparedQuery extends session/* PgPreparedQuery */.XO {
  constructor(client, queryString, params, typings, options, cache, queryMetadata, cacheConfig, fields, transactionId, _isResponseInArrayMode, customResultMapper) {
    super({ sql: queryString, params }, cache, queryMetadata, cacheConfig);
    this.client = client;
    this.queryString = queryString;
    this.params = params;
    this.typings = typings;
    this.options = options;
    this.fields = fields;
    this.transactionId = transactionId;
    this._isResponseInArrayMode = _isResponseInArrayMode;
    this.customResultMapper = customResultMapper;
    this.rawQuery = new client_rds_data.ExecuteStatementCommand({
      sql: queryString,
      parameters: [],
      secretArn: options.secretArn,
      resourceArn: options.resourceArn,
      database: options.database,
      transactionId,
      includeResultMetadata: !fields && !customResultMapper
    });
  }
  static [entity/* entityKind */.i] = "AwsDataApiPreparedQuery";
  rawQuery;
  async execute(placeholderValues = {}) {
    const { fields, joinsNotNullableMap, customResultMapper } = this;
    const result = await this.values(placeholderValues);
    if (!fields && !customResultMapper) {
      const { columnMetadata, rows } = result;
      if (!columnMetadata) {
        return result;
      }
      const mappedRows = rows.map((sourceRow) => {
        const row = {};
        for (const [index, value] of sourceRow.entries()) {
          const metadata = columnMetadata[index];
          if (!metadata) {
            throw new Error(
              `Unexpected state: no column metadata found for index ${index}. Please report this issue on GitHub: https://github.com/drizzle-team/drizzle-orm/issues/new/choose`
            );
          }
          if (!metadata.name) {
            throw new Error(
              `Unexpected state: no column name for index ${index} found in the column metadata. Please report this issue on GitHub: https://github.com/drizzle-team/drizzle-orm/issues/new/choose`
            );
          }
          row[metadata.name] = value;
        }
        return row;
      });
      return Object.assign(result, { rows: mappedRows });
    }
    return customResultMapper ? customResultMapper(result.rows) : result.rows.map((row) => (0,utils/* mapResultRow */.a6)(fields, row, joinsNotNullableMap));
  }
  async all(placeholderValues) {
    const result = await this.execute(placeholderValues);
    if (!this.fields && !this.customResultMapper) {
      return result.rows;
    }
    return result;
  }
  async values(placeholderValues = {}) {
    const params = (0,sql/* fillPlaceholders */.Ct)(this.params, placeholderValues ?? {});
    this.rawQuery.input.parameters = params.map((param, index) => ({
      name: `${index + 1}`,
      ...toValueParam(param, this.typings[index])
    }));
    this.options.logger?.logQuery(this.rawQuery.input.sql, this.rawQuery.input.parameters);
    const result = await this.queryWithCache(this.queryString, params, async () => {
      return await this.client.send(this.rawQuery);
    });
    const rows = result.records?.map((row) => {
      return row.map((field) => getValueFromDataApi(field));
    }) ?? [];
    return {
      ...result,
      rows
    };
  }
  /** @internal */
  mapResultRows(records, columnMetadata) {
    return records.map((record) => {
      const row = {};
      for (const [index, field] of record.entries()) {
        const { name } = columnMetadata[index];
        row[name ?? index] = getValueFromDataApi(field);
      }
      return row;
    });
  }
  /** @internal */
  isResponseInArrayMode() {
    return this._isResponseInArrayMode;
  }
}
class AwsDataApiSession extends session/* PgSession */.uC {
  constructor(client, dialect, schema, options, transactionId) {
    super(dialect);
    this.client = client;
    this.schema = schema;
    this.options = options;
    this.transactionId = transactionId;
    this.rawQuery = {
      secretArn: options.secretArn,
      resourceArn: options.resourceArn,
      database: options.database
    };
    this.cache = options.cache ?? new cache/* NoopCache */.Th();
  }
  static [entity/* entityKind */.i] = "AwsDataApiSession";
  /** @internal */
  rawQuery;
  cache;
  prepareQuery(query, fields, name, isResponseInArrayMode, customResultMapper, queryMetadata, cacheConfig, transactionId) {
    return new AwsDataApiPreparedQuery(
      this.client,
      query.sql,
      query.params,
      query.typings ?? [],
      this.options,
      this.cache,
      queryMetadata,
      cacheConfig,
      fields,
      transactionId ?? this.transactionId,
      isResponseInArrayMode,
      customResultMapper
    );
  }
  execute(query) {
    return this.prepareQuery(
      this.dialect.sqlToQuery(query),
      void 0,
      void 0,
      false,
      void 0,
      void 0,
      void 0,
      this.transactionId
    ).execute();
  }
  async transaction(transaction, config) {
    const { transactionId } = await this.client.send(new client_rds_data.BeginTransactionCommand(this.rawQuery));
    const session = new AwsDataApiSession(this.client, this.dialect, this.schema, this.options, transactionId);
    const tx = new AwsDataApiTransaction(this.dialect, session, this.schema);
    if (config) {
      await tx.setTransaction(config);
    }
    try {
      const result = await transaction(tx);
      await this.client.send(new client_rds_data.CommitTransactionCommand({ ...this.rawQuery, transactionId }));
      return result;
    } catch (e) {
      await this.client.send(new client_rds_data.RollbackTransactionCommand({ ...this.rawQuery, transactionId }));
      throw e;
    }
  }
}
class AwsDataApiTransaction extends session/* PgTransaction */.yK {
  static [entity/* entityKind */.i] = "AwsDataApiTransaction";
  async transaction(transaction) {
    const savepointName = `sp${this.nestedIndex + 1}`;
    const tx = new AwsDataApiTransaction(
      this.dialect,
      this.session,
      this.schema,
      this.nestedIndex + 1
    );
    await this.session.execute(sql/* sql */.ll.raw(`savepoint ${savepointName}`));
    try {
      const result = await transaction(tx);
      await this.session.execute(sql/* sql */.ll.raw(`release savepoint ${savepointName}`));
      return result;
    } catch (e) {
      await this.session.execute(sql/* sql */.ll.raw(`rollback to savepoint ${savepointName}`));
      throw e;
    }
  }
}

//# sourceMappingURL=session.js.map
;// CONCATENATED MODULE: ./node_modules/drizzle-orm/aws-data-api/pg/driver.js










class AwsDataApiPgDatabase extends db/* PgDatabase */.p {
  static [entity/* entityKind */.i] = "AwsDataApiPgDatabase";
  execute(query) {
    return super.execute(query);
  }
}
class AwsPgDialect extends dialect/* PgDialect */.s {
  static [entity/* entityKind */.i] = "AwsPgDialect";
  escapeParam(num) {
    return `:${num + 1}`;
  }
  buildInsertQuery({ table, values, onConflict, returning, select, withList }) {
    const columns = table[drizzle_orm_table/* Table */.XI.Symbol.Columns];
    if (!select) {
      for (const value of values) {
        for (const fieldName of Object.keys(columns)) {
          const colValue = value[fieldName];
          if ((0,entity.is)(colValue, sql/* Param */.Iw) && colValue.value !== void 0 && (0,entity.is)(colValue.encoder, common/* PgArray */.H9) && Array.isArray(colValue.value)) {
            value[fieldName] = (0,sql/* sql */.ll)`cast(${colValue} as ${sql/* sql */.ll.raw(colValue.encoder.getSQLType())})`;
          }
        }
      }
    }
    return super.buildInsertQuery({ table, values, onConflict, returning, withList });
  }
  buildUpdateSet(table, set) {
    const columns = table[drizzle_orm_table/* Table */.XI.Symbol.Columns];
    for (const [colName, colValue] of Object.entries(set)) {
      const currentColumn = columns[colName];
      if (currentColumn && (0,entity.is)(colValue, sql/* Param */.Iw) && colValue.value !== void 0 && (0,entity.is)(colValue.encoder, common/* PgArray */.H9) && Array.isArray(colValue.value)) {
        set[colName] = (0,sql/* sql */.ll)`cast(${colValue} as ${sql/* sql */.ll.raw(colValue.encoder.getSQLType())})`;
      }
    }
    return super.buildUpdateSet(table, set);
  }
}
function construct(client, config) {
  const dialect = new AwsPgDialect({ casing: config.casing });
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
  const session = new AwsDataApiSession(client, dialect, schema, { ...config, logger, cache: config.cache }, void 0);
  const db = new AwsDataApiPgDatabase(dialect, session, schema);
  db.$client = client;
  db.$cache = config.cache;
  if (db.$cache) {
    db.$cache["invalidate"] = config.cache?.onMutate;
  }
  return db;
}
function drizzle(...params) {
  if (params[0] instanceof client_rds_data.RDSDataClient || params[0].constructor.name !== "Object") {
    return construct(params[0], params[1]);
  }
  if (params[0].client) {
    const { client, ...drizzleConfig2 } = params[0];
    return construct(client, drizzleConfig2);
  }
  const { connection, ...drizzleConfig } = params[0];
  const { resourceArn, database, secretArn, ...rdsConfig } = connection;
  const instance = new client_rds_data.RDSDataClient(rdsConfig);
  return construct(instance, { resourceArn, database, secretArn, ...drizzleConfig });
}
((drizzle2) => {
  function mock(config) {
    return construct({}, config);
  }
  drizzle2.mock = mock;
})(drizzle || (drizzle = {}));

//# sourceMappingURL=driver.js.map
;// CONCATENATED MODULE: ./node_modules/drizzle-orm/aws-data-api/pg/index.js


//# sourceMappingURL=index.js.map

/***/ })

};
