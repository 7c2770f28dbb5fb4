using Npgsql;

namespace IspPortal.Tests.Support;

// Plain SQL for tests that look beneath the DbContext.
public static class Sql
{
    public static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
