using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IspPortal.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Gapless invoice and payment numbers come from counters per scope. The counters start where
    /// the numbers already issued stopped (their trailing digits), so the next run continues them.
    /// </summary>
    public partial class DocumentSequences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "document_sequences",
                columns: table => new
                {
                    scope = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    last_value = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_document_sequences", x => x.scope);
                    table.CheckConstraint("ck_document_sequences_last_value", "last_value >= 0");
                });

            migrationBuilder.Sql("""
                INSERT INTO document_sequences (scope, last_value)
                SELECT 'invoice:' || regexp_replace(number, '[0-9]+$', '#'), max(substring(number FROM '([0-9]+)$')::bigint)
                FROM invoices WHERE number ~ '[0-9]+$' GROUP BY 1
                UNION ALL
                SELECT 'payment:' || regexp_replace(number, '[0-9]+$', '#'), max(substring(number FROM '([0-9]+)$')::bigint)
                FROM payments WHERE number ~ '[0-9]+$' GROUP BY 1;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "document_sequences");
        }
    }
}
