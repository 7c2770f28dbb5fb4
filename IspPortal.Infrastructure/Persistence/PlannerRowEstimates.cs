using System.Data;
using System.Globalization;
using System.Text.Json;
using IspPortal.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Infrastructure.Persistence;

/// <summary>The top plan node's row estimate from <c>EXPLAIN</c>: the query is planned on its own context's connection, never run.</summary>
public sealed class PlannerRowEstimates : IRowEstimates
{
    public async Task<long> EstimateAsync<T>(IQueryable<T> query, CancellationToken cancellationToken = default)
    {
        await using var command = query.CreateDbCommand();
        command.CommandText = "EXPLAIN (FORMAT JSON) " + command.CommandText;
        var connection = command.Connection ?? throw new InvalidOperationException("The query has no connection to plan it on.");
        var opened = connection.State != ConnectionState.Open;
        if (opened)
            await connection.OpenAsync(cancellationToken);
        try
        {
            var plan = Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) ?? "[]";
            using var document = JsonDocument.Parse(plan);
            return (long)document.RootElement[0].GetProperty("Plan").GetProperty("Plan Rows").GetDouble();
        }
        finally
        {
            if (opened)
                await connection.CloseAsync();
        }
    }
}
