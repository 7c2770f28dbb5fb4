namespace IspPortal.Infrastructure.Persistence.Migrations
{
    // The customer search matches anywhere in name, code and phone (lower(col) LIKE '%…%'); trigram
    // GIN indexes on those expressions keep it an index scan at 100,000 customers. EF cannot model
    // expression indexes, hence the SQL. pg_trgm is a trusted extension, so the database owner
    // creates it (the AlterDatabase call at the start of Up) without superuser rights.
    public partial class Initial
    {
        private const string CustomerSearchIndexesSql = """
            CREATE INDEX ix_customers_full_name_trgm ON customers USING gin (lower(full_name) gin_trgm_ops);
            CREATE INDEX ix_customers_code_trgm ON customers USING gin (lower(code) gin_trgm_ops);
            CREATE INDEX ix_customers_phone_trgm ON customers USING gin (phone gin_trgm_ops);
            """;

        private const string DropCustomerSearchIndexesSql = """
            DROP INDEX IF EXISTS ix_customers_full_name_trgm;
            DROP INDEX IF EXISTS ix_customers_code_trgm;
            DROP INDEX IF EXISTS ix_customers_phone_trgm;
            """;
    }
}
