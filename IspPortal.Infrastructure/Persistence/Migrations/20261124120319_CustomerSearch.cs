using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IspPortal.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// The customer search matches anywhere in name, code and phone (<c>lower(col) LIKE '%…%'</c>);
    /// trigram GIN indexes on those expressions keep it an index scan at 100,000 customers. EF
    /// cannot model expression indexes, hence the SQL. pg_trgm is a trusted extension, so the
    /// database owner creates it without superuser rights.
    /// </summary>
    public partial class CustomerSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");
            migrationBuilder.Sql("""
                CREATE INDEX ix_customers_full_name_trgm ON customers USING gin (lower(full_name) gin_trgm_ops);
                CREATE INDEX ix_customers_code_trgm ON customers USING gin (lower(code) gin_trgm_ops);
                CREATE INDEX ix_customers_phone_trgm ON customers USING gin (phone gin_trgm_ops);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS ix_customers_full_name_trgm;
                DROP INDEX IF EXISTS ix_customers_code_trgm;
                DROP INDEX IF EXISTS ix_customers_phone_trgm;
                """);
            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");
        }
    }
}
