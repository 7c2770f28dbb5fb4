using System.Net;
using IspPortal.Tests.Support;
using Npgsql;

namespace IspPortal.Tests.Platform;

public sealed class HealthWhenDatabaseDownTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Health_answers_503_while_the_database_refuses_connections()
    {
        using var client = portal.CreateClient();
        using var healthy = await client.GetAsync(new Uri("health", UriKind.Relative));
        var database = portal.Database.DatabaseName;
        var admin = new NpgsqlConnectionStringBuilder(portal.Database.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;

        await ExecuteAsync(admin, $"ALTER DATABASE \"{database}\" WITH ALLOW_CONNECTIONS false; " +
            $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}';");
        try
        {
            NpgsqlConnection.ClearAllPools();
            using var down = await client.GetAsync(new Uri("health", UriKind.Relative));

            Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
            Assert.Contains("Unhealthy", await down.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await ExecuteAsync(admin, $"ALTER DATABASE \"{database}\" WITH ALLOW_CONNECTIONS true;");
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
