using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IspPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class LifecycleLogIndex : Migration
    {
        // Hand-written (the partitioned table is outside the model): the outage ranking reads only the Lifecycle logs of a year, a few
        // thousand among millions of Connection ones the sync writes; this index finds them without reading the others.
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE INDEX ix_customer_status_logs_lifecycle ON customer_status_logs (changed_at, customer_id) WHERE kind = 'Lifecycle';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_customer_status_logs_lifecycle;");
        }
    }
}
