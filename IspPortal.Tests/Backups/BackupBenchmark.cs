using System.Diagnostics;
using IspPortal.Core.Billing.InvoiceRuns;
using IspPortal.Core.Common;
using IspPortal.Infrastructure.Backups;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace IspPortal.Tests.Backups;

/// <summary>
/// Backup and restore of 100,000 customers with a year of invoices: time and archive size.
/// Run with: dotnet test --filter "FullyQualifiedName~BackupBenchmark" --logger "console;verbosity=detailed".
/// </summary>
[Trait(TestCategory.Name, TestCategory.Benchmark)]
public sealed class BackupBenchmark(PortalFactory portal, ITestOutputHelper output) : IClassFixture<PortalFactory>
{
    private const int Customers = 100_000;
    private const int Months = 12;

    [Fact]
    public async Task Backup_and_restore_of_100k_customers_with_a_year_of_invoices()
    {
        await SeedAsync();
        var scratch = new BackupScratch();
        try
        {
            var source = new BackupFolders(Path.Combine(scratch.Root, "backups"), Path.Combine(scratch.Root, "photos"), Path.Combine(scratch.Root, "attachments"), Path.Combine(scratch.Root, "receipts"),
                portal.Database.ConnectionString);

            var backup = Stopwatch.StartNew();
            var written = await BackupScratch.ArchivesFor(source).WriteAsync("benchmark");
            backup.Stop();
            var target = await scratch.NewTargetAsync("restored");
            var restore = Stopwatch.StartNew();
            var manifest = await BackupScratch.RestoreFor(target).RestoreAsync(Path.Combine(source.Backups, written.File));
            restore.Stop();

            Assert.Equal(manifest.RowCounts["invoices"], await BackupScratch.CountAsync(target.ConnectionString, "SELECT count(*) FROM invoices"));
            output.WriteLine($"data: {manifest.RowCounts["customers"]:N0} customers, {manifest.RowCounts["invoices"]:N0} invoices, {manifest.RowCounts["invoice_lines"]:N0} lines");
            output.WriteLine($"backup: {backup.Elapsed.TotalSeconds:N1} s, archive {written.SizeBytes / 1048576.0:N1} MiB");
            output.WriteLine($"restore (verify + pg_restore): {restore.Elapsed.TotalSeconds:N1} s");
        }
        finally
        {
            await scratch.CleanUpAsync();
        }
    }

    private async Task SeedAsync()
    {
        await using (var db = portal.Database.CreateDbContext())
            await BenchmarkCustomers.InsertAsync(db, Customers, registeredDaysAgo: 500);

        // One month through the real invoice run, then that month copied to the eleven before it.
        await using var scope = portal.Services.CreateAsyncScope();
        var month = await scope.ServiceProvider.GetRequiredService<IspClock>().TodayAsync();
        var run = await scope.ServiceProvider.GetRequiredService<GenerateInvoices>().ExecuteAsync(month, BillingRunTrigger.Manual);
        Assert.True(run.Succeeded, run.FirstError);
        await using var connection = new NpgsqlConnection(portal.Database.ConnectionString);
        await connection.OpenAsync();
        var invoiceColumns = await ColumnsAsync(connection, "invoices");
        var lineColumns = await ColumnsAsync(connection, "invoice_lines");
        for (var back = 1; back < Months; back++)
        {
            string Shift((string Name, string Type) c, string table) => c switch
            {
                { Name: "number" } when table == "src" => $"{table}.number || '-{back}'",
                { Type: "date" } => $"({table}.{c.Name} - interval '{back} months')::date",
                { Type: "timestamp with time zone" } => $"{table}.{c.Name} - interval '{back} months'",
                _ => $"{table}.{c.Name}",
            };
            var sql = $"""
                WITH src AS (SELECT * FROM invoices WHERE period = date_trunc('month', @month::date)::date),
                ins AS (
                    INSERT INTO invoices ({string.Join(", ", invoiceColumns.Select(c => c.Name))})
                    SELECT {string.Join(", ", invoiceColumns.Select(c => Shift(c, "src")))} FROM src
                    RETURNING id, customer_id)
                INSERT INTO invoice_lines ({string.Join(", ", lineColumns.Select(c => c.Name))})
                SELECT {string.Join(", ", lineColumns.Select(c => c.Name == "invoice_id" ? "ins.id" : Shift(c, "l")))}
                FROM ins JOIN src ON src.customer_id = ins.customer_id JOIN invoice_lines l ON l.invoice_id = src.id
                """;
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
            command.Parameters.AddWithValue("month", month.ToDateTime(TimeOnly.MinValue));
            await command.ExecuteNonQueryAsync();
        }
        await using var analyze = new NpgsqlCommand("ANALYZE", connection) { CommandTimeout = 600 };
        await analyze.ExecuteNonQueryAsync();
    }

    private static async Task<List<(string Name, string Type)>> ColumnsAsync(NpgsqlConnection connection, string table)
    {
        await using var command = new NpgsqlCommand(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'public' AND table_name = @table AND column_name <> 'id' AND is_generated = 'NEVER' ORDER BY ordinal_position",
            connection);
        command.Parameters.AddWithValue("table", table);
        var columns = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            columns.Add((reader.GetString(0), reader.GetString(1)));
        return columns;
    }
}
