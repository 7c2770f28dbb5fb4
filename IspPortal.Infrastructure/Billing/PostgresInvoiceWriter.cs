using System.Data.Common;
using IspPortal.Core.Billing;
using IspPortal.Core.Billing.InvoiceRuns;
using IspPortal.Core.Common;
using IspPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace IspPortal.Infrastructure.Billing;

/// <summary>Two statements per call: <c>INSERT … SELECT unnest(…) RETURNING</c> for the invoices, then one for all their lines.</summary>
public sealed class PostgresInvoiceWriter : IInvoiceWriter
{
    private const string InsertInvoices = """
        INSERT INTO invoices (number, customer_id, period, issue_date, due_date, subtotal, discount_amount, tax_rate, tax_amount, total, amount_paid, status, created_at, updated_at)
        SELECT v.number, v.customer_id, v.period, v.issue_date, v.due_date, v.subtotal, v.discount_amount, v.tax_rate, v.tax_amount, v.total, 0, v.status, v.created_at, v.created_at
        FROM unnest(@numbers, @customer_ids, @periods, @issue_dates, @due_dates, @subtotals, @discounts, @tax_rates, @taxes, @totals, @statuses, @created_at)
            AS v(number, customer_id, period, issue_date, due_date, subtotal, discount_amount, tax_rate, tax_amount, total, status, created_at)
        RETURNING id, number
        """;

    private const string InsertLines = """
        INSERT INTO invoice_lines (invoice_id, position, kind, description, quantity, unit_price, amount, service_package_id)
        SELECT * FROM unnest(@invoice_ids, @positions, @kinds, @descriptions, @quantities, @unit_prices, @amounts, @package_ids)
        """;

    public async Task<IReadOnlyDictionary<string, int>> InsertAsync(IIspDb db, IReadOnlyList<Invoice> invoices, CancellationToken cancellationToken = default)
    {
        if (db.Database.CurrentTransaction is not { } transaction)
            throw new InvalidOperationException("Invoices are written in the transaction that reserved their numbers: open it first.");
        if (invoices.Count == 0)
            return new Dictionary<string, int>();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();

        var ids = new Dictionary<string, int>(invoices.Count, StringComparer.Ordinal);
        await using (var command = Command(connection, transaction, InsertInvoices,
        [
            PostgresArrays.Parameter("numbers", NpgsqlDbType.Text, invoices.Select(i => i.Number)),
            PostgresArrays.Parameter("customer_ids", NpgsqlDbType.Integer, invoices.Select(i => i.CustomerId)),
            PostgresArrays.Parameter("periods", NpgsqlDbType.Date, invoices.Select(i => i.Period)),
            PostgresArrays.Parameter("issue_dates", NpgsqlDbType.Date, invoices.Select(i => i.IssueDate)),
            PostgresArrays.Parameter("due_dates", NpgsqlDbType.Date, invoices.Select(i => i.DueDate)),
            PostgresArrays.Parameter("subtotals", NpgsqlDbType.Numeric, invoices.Select(i => i.Subtotal)),
            PostgresArrays.Parameter("discounts", NpgsqlDbType.Numeric, invoices.Select(i => i.DiscountAmount)),
            PostgresArrays.Parameter("tax_rates", NpgsqlDbType.Numeric, invoices.Select(i => i.TaxRate)),
            PostgresArrays.Parameter("taxes", NpgsqlDbType.Numeric, invoices.Select(i => i.TaxAmount)),
            PostgresArrays.Parameter("totals", NpgsqlDbType.Numeric, invoices.Select(i => i.Total)),
            PostgresArrays.Parameter("statuses", NpgsqlDbType.Text, invoices.Select(i => i.Status.ToString())),
            PostgresArrays.Parameter("created_at", NpgsqlDbType.TimestampTz, invoices.Select(i => i.CreatedAt.UtcDateTime)),
        ]))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                ids[reader.GetString(1)] = reader.GetInt32(0);
        }

        var lines = invoices.SelectMany(i => i.Lines.Select(l => (InvoiceId: ids[i.Number], Line: l))).ToList();
        await using var insertLines = Command(connection, transaction, InsertLines,
        [
            PostgresArrays.Parameter("invoice_ids", NpgsqlDbType.Integer, lines.Select(l => l.InvoiceId)),
            PostgresArrays.Parameter("positions", NpgsqlDbType.Integer, lines.Select(l => l.Line.Position)),
            PostgresArrays.Parameter("kinds", NpgsqlDbType.Text, lines.Select(l => l.Line.Kind.ToString())),
            PostgresArrays.Parameter("descriptions", NpgsqlDbType.Text, lines.Select(l => l.Line.Description)),
            PostgresArrays.Parameter("quantities", NpgsqlDbType.Numeric, lines.Select(l => l.Line.Quantity)),
            PostgresArrays.Parameter("unit_prices", NpgsqlDbType.Numeric, lines.Select(l => l.Line.UnitPrice)),
            PostgresArrays.Parameter("amounts", NpgsqlDbType.Numeric, lines.Select(l => l.Line.Amount)),
            PostgresArrays.Parameter("package_ids", NpgsqlDbType.Integer, lines.Select(l => l.Line.ServicePackageId)),
        ]);
        await insertLines.ExecuteNonQueryAsync(cancellationToken);
        return ids;
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, IDbContextTransaction transaction, string sql, NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, (NpgsqlTransaction)transaction.GetDbTransaction());
        command.Parameters.AddRange(parameters);
        return command;
    }
}
