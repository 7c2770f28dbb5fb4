using Npgsql;

namespace IspPortal.Tests.Support;

/// <summary>
/// Every table of the portal's schema as a row count and a checksum of its rows, to show a request
/// wrote nothing. The API key table is left out: a request with a key marks when it was last used.
/// </summary>
public static class TableSnapshot
{
    private static readonly HashSet<string> Volatile = new(StringComparer.OrdinalIgnoreCase) { "api_keys", "ApiKeys" };

    public static async Task<Dictionary<string, string>> TakeAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1", connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                tables.Add(reader.GetString(0));
        var snapshot = new Dictionary<string, string>();
        foreach (var table in tables.Where(t => !Volatile.Contains(t)))
        {
            var quoted = "\"" + table.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            await using var command = new NpgsqlCommand($"SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM {quoted} t", connection);
            snapshot[table] = (string)(await command.ExecuteScalarAsync())!;
        }
        return snapshot;
    }

    public static List<string> Differences(Dictionary<string, string> before, Dictionary<string, string> after) =>
        [.. before.Keys.Union(after.Keys).Where(t => before.GetValueOrDefault(t) != after.GetValueOrDefault(t)).Order()];
}
