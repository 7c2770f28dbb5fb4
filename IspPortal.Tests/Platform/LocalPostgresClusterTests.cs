using IspPortal.Infrastructure.LocalPostgres;
using IspPortal.Tests.Support;
using Npgsql;

namespace IspPortal.Tests.Platform;

public sealed class LocalPostgresClusterTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"ispportal-cluster-test-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Started_cluster_accepts_its_user_on_loopback_with_durable_settings()
    {
        await using var cluster = await LocalPostgresCluster.StartAsync(new LocalPostgresOptions { DataDirectory = _folder, Password = "s3cret" });

        Assert.NotEqual(0, cluster.Port);
        Assert.Equal("ispportal", await Sql.ScalarAsync(cluster.ConnectionString("postgres"), "SELECT current_user"));
        Assert.Equal("127.0.0.1", await Sql.ScalarAsync(cluster.ConnectionString("postgres"), "SHOW listen_addresses"));
        Assert.Equal("on", await Sql.ScalarAsync(cluster.ConnectionString("postgres"), "SHOW fsync"));
        Assert.Equal("UTF8", await Sql.ScalarAsync(cluster.ConnectionString("postgres"), "SHOW server_encoding"));
    }

    [Fact]
    public async Task Wrong_password_is_refused()
    {
        await using var cluster = await LocalPostgresCluster.StartAsync(new LocalPostgresOptions { DataDirectory = _folder, Password = "s3cret" });
        var wrong = new NpgsqlConnectionStringBuilder(cluster.ConnectionString("postgres")) { Password = "guess" }.ConnectionString;

        var refusal = await Assert.ThrowsAsync<PostgresException>(() => Sql.ScalarAsync(wrong, "SELECT 1"));

        Assert.Equal(PostgresErrorCodes.InvalidPassword, refusal.SqlState);
    }

    [Fact]
    public async Task Restart_reuses_the_data_folder_and_its_generated_password()
    {
        var options = new LocalPostgresOptions { DataDirectory = _folder, DisableDurability = true };
        await using (var first = await LocalPostgresCluster.StartAsync(options))
        {
            Assert.Equal("off", await Sql.ScalarAsync(first.ConnectionString("postgres"), "SHOW fsync"));
            await first.CreateDatabaseAsync("kept");
            await Sql.ScalarAsync(first.ConnectionString("kept"), "CREATE TABLE marker (note text); INSERT INTO marker VALUES ('still here')");
        }

        var createdAt = File.GetLastWriteTimeUtc(Path.Combine(_folder, "postgres", "data", "PG_VERSION"));
        await using var second = await LocalPostgresCluster.StartAsync(options);

        Assert.Equal("still here", await Sql.ScalarAsync(second.ConnectionString("kept"), "SELECT note FROM marker"));
        Assert.Equal(createdAt, File.GetLastWriteTimeUtc(Path.Combine(_folder, "postgres", "data", "PG_VERSION")));
    }

    [Fact]
    public async Task Databases_are_created_from_a_template_and_dropped_even_while_in_use()
    {
        await using var cluster = await LocalPostgresCluster.StartAsync(new LocalPostgresOptions { DataDirectory = _folder, DisableDurability = true });
        await cluster.CreateDatabaseAsync("shape");
        await Sql.ScalarAsync(NoPooling(cluster.ConnectionString("shape")), "CREATE TABLE customers (code text PRIMARY KEY); INSERT INTO customers VALUES ('KRW-0001')");

        await cluster.CreateDatabaseAsync("copy", template: "shape");
        Assert.True(await cluster.DatabaseExistsAsync("copy"));
        await using var open = new NpgsqlConnection(cluster.ConnectionString("copy"));
        await open.OpenAsync();
        Assert.Equal("KRW-0001", await Sql.ScalarAsync(cluster.ConnectionString("copy"), "SELECT code FROM customers"));

        await cluster.DropDatabaseAsync("copy");

        Assert.False(await cluster.DatabaseExistsAsync("copy"));
        Assert.True(await cluster.DatabaseExistsAsync("shape"));
    }

    [Fact]
    public async Task Stopped_cluster_refuses_connections_and_starts_again_over_a_stale_pid_file()
    {
        var options = new LocalPostgresOptions { DataDirectory = _folder, DisableDurability = true };
        var cluster = await LocalPostgresCluster.StartAsync(options);
        var connectionString = NoPooling(cluster.ConnectionString("postgres"));

        await cluster.StopAsync();

        await Assert.ThrowsAnyAsync<NpgsqlException>(() => Sql.ScalarAsync(connectionString, "SELECT 1"));
        var pidFile = Path.Combine(_folder, "postgres", "data", "postmaster.pid");
        Assert.False(File.Exists(pidFile));

        // What a crash leaves behind: a pid file naming a process that no longer exists.
        await File.WriteAllTextAsync(pidFile, $"{int.MaxValue - 1}\n{Path.Combine(_folder, "postgres", "data")}\n");
        await using var restarted = await LocalPostgresCluster.StartAsync(options);
        Assert.Equal(1, await Sql.ScalarAsync(restarted.ConnectionString("postgres"), "SELECT 1"));
    }

    [Fact]
    public async Task Start_failure_explains_itself_with_the_server_log()
    {
        await using var taken = await LocalPostgresCluster.StartAsync(new LocalPostgresOptions { DataDirectory = _folder, DisableDurability = true });
        var other = Path.Combine(_folder, "other");

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(
            () => LocalPostgresCluster.StartAsync(new LocalPostgresOptions { DataDirectory = other, Port = taken.Port }));

        Assert.Contains("did not start", failure.Message, StringComparison.Ordinal);
        Assert.Contains("could not bind", failure.Message, StringComparison.OrdinalIgnoreCase);
    }

    private static string NoPooling(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;
}
