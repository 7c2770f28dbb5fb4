using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace IspPortal.Infrastructure.LocalPostgres;

// A private PostgreSQL cluster under a folder of ours (initdb + pg_ctl), listening on 127.0.0.1 only.
// Used by the demo run (no connection string configured) and by the test host.
public sealed class LocalPostgresCluster : IAsyncDisposable
{
    private const string SettingsFileName = "ispportal.conf";
    private const int MaxUnixSocketPathLength = 100;

    private readonly PostgresServerCommands _commands;
    private readonly LocalPostgresOptions _options;
    private readonly string _password;
    private readonly SemaphoreSlim _stopping = new(1, 1);
    private bool _stopped;

    private LocalPostgresCluster(PostgresServerCommands commands, LocalPostgresOptions options, ClusterPaths paths, string password, int port)
    {
        _commands = commands;
        _options = options;
        Paths = paths;
        _password = password;
        Port = port;
    }

    public int Port { get; }

    public string DataDirectory => Paths.Data;

    public string LogFile => Paths.Log;

    private ClusterPaths Paths { get; }

    public static async Task<LocalPostgresCluster> StartAsync(LocalPostgresOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DataDirectory);
        var commands = PostgresServerCommands.Locate(options.BinDirectory);
        var paths = new ClusterPaths(Path.GetFullPath(options.DataDirectory));
        Directory.CreateDirectory(paths.Root);
        Directory.CreateDirectory(paths.Socket);
        await commands.GiveToServiceUserAsync(paths.Root, cancellationToken);

        if (!File.Exists(Path.Combine(paths.Data, "PG_VERSION")))
        {
            await InitializeAsync(commands, options, paths, cancellationToken);
        }

        var password = options.Password
            ?? (File.Exists(paths.PasswordFile)
                ? await File.ReadAllTextAsync(paths.PasswordFile, cancellationToken)
                : throw new InvalidOperationException($"The cluster in '{paths.Data}' was created with a given password; pass it in LocalPostgresOptions.Password."));
        await RecoverFromEarlierRunAsync(commands, paths, cancellationToken);

        var port = ChoosePort(options);
        await File.WriteAllTextAsync(Path.Combine(paths.Data, SettingsFileName), Settings(options, paths, port), cancellationToken);
        await commands.GiveToServiceUserAsync(paths.Root, cancellationToken);

        var timeoutSeconds = ((int)Math.Ceiling(options.StartTimeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var started = await commands.RunAsync(
            "pg_ctl", ["start", "-D", paths.Data, "-l", paths.Log, "-w", "-t", timeoutSeconds, "-s"],
            paths.Root, newSession: true, cancellationToken);
        if (!started.Succeeded)
        {
            throw Failure($"PostgreSQL did not start on port {port}", started.Output, paths);
        }

        var cluster = new LocalPostgresCluster(commands, options, paths, password, port);
        try
        {
            await cluster.WaitUntilAcceptingConnectionsAsync(cancellationToken);
        }
        catch
        {
            await cluster.StopAsync();
            throw;
        }

        return cluster;
    }

    public string ConnectionString(string database) => Builder(database, pooling: true).ConnectionString;

    public async Task<bool> DatabaseExistsAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenMaintenanceConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", name);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    public async Task CreateDatabaseAsync(string name, string? template = null, CancellationToken cancellationToken = default)
    {
        var sql = $"CREATE DATABASE {QuoteIdentifier(name)}" + (template is null ? string.Empty : $" TEMPLATE {QuoteIdentifier(template)}");
        await using var connection = await OpenMaintenanceConnectionAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var command = new NpgsqlCommand(sql, connection);
                await command.ExecuteNonQueryAsync(cancellationToken);
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 50)
            {
                // Another CREATE DATABASE is copying the same template right now; it holds it only briefly.
                await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt), cancellationToken);
            }
        }
    }

    public async Task DropDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString(name)));
        await using var connection = await OpenMaintenanceConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {QuoteIdentifier(name)} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task StopAsync()
    {
        await _stopping.WaitAsync();
        try
        {
            if (_stopped)
            {
                return;
            }

            NpgsqlConnection.ClearAllPools();
            var stopped = await _commands.RunAsync("pg_ctl", ["stop", "-D", Paths.Data, "-m", "fast", "-w", "-s"], Paths.Root);
            // pg_ctl answers 1 when no server runs any more: stopping is then already done.
            if (!stopped.Succeeded && File.Exists(Path.Combine(Paths.Data, "postmaster.pid")))
            {
                throw Failure("PostgreSQL did not stop", stopped.Output, Paths);
            }

            _stopped = true;
        }
        finally
        {
            _stopping.Release();
        }
    }

    // For process-exit handlers, where nothing asynchronous may be left running.
    public void Stop() => Task.Run(StopAsync).GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stopping.Dispose();
    }

    internal static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static async Task InitializeAsync(PostgresServerCommands commands, LocalPostgresOptions options, ClusterPaths paths, CancellationToken cancellationToken)
    {
        if (Directory.Exists(paths.Data))
        {
            // A half-finished initdb leaves files behind; initdb wants an empty folder.
            Directory.Delete(paths.Data, recursive: true);
        }

        var password = options.Password ?? Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        await File.WriteAllTextAsync(paths.PasswordFile, password, cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(paths.PasswordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        await commands.GiveToServiceUserAsync(paths.Root, cancellationToken);

        var result = await commands.RunAsync(
            "initdb",
            ["-D", paths.Data, "-U", options.User, $"--pwfile={paths.PasswordFile}", "--auth-host=scram-sha-256",
             "--auth-local=scram-sha-256", "--encoding=UTF8", "--locale=C.UTF-8", "--no-instructions"],
            paths.Root, cancellationToken: cancellationToken);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"initdb failed in '{paths.Data}':{Environment.NewLine}{result.Output}");
        }

        if (options.Password is not null)
        {
            File.Delete(paths.PasswordFile);
        }

        await File.WriteAllTextAsync(
            Path.Combine(paths.Data, "pg_hba.conf"),
            "# Written by IspPortal's LocalPostgresCluster: password sign-in, loopback and its own socket only.\n" +
            "local all all scram-sha-256\n" +
            "host  all all 127.0.0.1/32 scram-sha-256\n",
            cancellationToken);
        await File.AppendAllTextAsync(Path.Combine(paths.Data, "postgresql.conf"), $"\ninclude_if_exists = '{SettingsFileName}'\n", cancellationToken);
    }

    // A server left running by a process that was killed is stopped; a stale postmaster.pid whose
    // process is gone is removed so that the start below does not trip over it.
    private static async Task RecoverFromEarlierRunAsync(PostgresServerCommands commands, ClusterPaths paths, CancellationToken cancellationToken)
    {
        var pidFile = Path.Combine(paths.Data, "postmaster.pid");
        if (!File.Exists(pidFile))
        {
            return;
        }

        var status = await commands.RunAsync("pg_ctl", ["status", "-D", paths.Data], paths.Root, cancellationToken: cancellationToken);
        if (status.Succeeded)
        {
            var stopped = await commands.RunAsync("pg_ctl", ["stop", "-D", paths.Data, "-m", "fast", "-w", "-s"], paths.Root, cancellationToken: cancellationToken);
            if (!stopped.Succeeded)
            {
                throw Failure("A PostgreSQL server left running on this data folder did not stop", stopped.Output, paths);
            }
        }
        else if (File.Exists(pidFile))
        {
            File.Delete(pidFile);
        }
    }

    private static int ChoosePort(LocalPostgresOptions options)
    {
        if (options.Port == 0 || (options.FallBackToFreePort && !IsFree(options.Port)))
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        return options.Port;
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static string Settings(LocalPostgresOptions options, ClusterPaths paths, int port)
    {
        var settings = new StringBuilder()
            .AppendLine("# Rewritten at every start by IspPortal's LocalPostgresCluster.")
            .AppendLine("listen_addresses = '127.0.0.1'")
            .AppendLine(CultureInfo.InvariantCulture, $"port = {port}")
            // The socket path must fit in sun_path; a deep data folder goes without the socket (TCP only).
            .AppendLine(CultureInfo.InvariantCulture, $"unix_socket_directories = '{(paths.Socket.Length <= MaxUnixSocketPathLength ? paths.Socket.Replace("'", "''", StringComparison.Ordinal) : string.Empty)}'")
            .AppendLine("logging_collector = off");
        if (options.MaxConnections is { } maxConnections)
        {
            settings.AppendLine(CultureInfo.InvariantCulture, $"max_connections = {maxConnections}");
        }

        if (options.DisableDurability)
        {
            settings.AppendLine("fsync = off").AppendLine("synchronous_commit = off").AppendLine("full_page_writes = off");
        }

        return settings.ToString();
    }

    private static InvalidOperationException Failure(string what, string output, ClusterPaths paths) =>
        new($"{what} (data folder '{paths.Data}').{Environment.NewLine}{output.Trim()}{Environment.NewLine}" +
            $"Last lines of {paths.Log}:{Environment.NewLine}{LogTail(paths.Log)}");

    private static string LogTail(string log)
    {
        try
        {
            return File.Exists(log) ? string.Join(Environment.NewLine, File.ReadLines(log).TakeLast(30)) : "(no log written)";
        }
        catch (IOException e)
        {
            return $"(log unreadable: {e.Message})";
        }
    }

    private async Task WaitUntilAcceptingConnectionsAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.StartTimeout);
        while (true)
        {
            try
            {
                await using var connection = await OpenMaintenanceConnectionAsync(timeout.Token);
                return;
            }
            catch (Exception e) when (e is NpgsqlException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                if (timeout.IsCancellationRequested)
                {
                    throw Failure($"PostgreSQL on port {Port} accepted no connection within {_options.StartTimeout.TotalSeconds:0}s ({e.Message})", string.Empty, Paths);
                }

                if (e is PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification })
                {
                    throw Failure($"PostgreSQL refused user '{_options.User}': the cluster was created with another password", e.Message, Paths);
                }

                await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
            }
        }
    }

    private async Task<NpgsqlConnection> OpenMaintenanceConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(Builder("postgres", pooling: false).ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private NpgsqlConnectionStringBuilder Builder(string database, bool pooling) => new()
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = _options.User,
        Password = _password,
        Database = database,
        Pooling = pooling,
    };

    private sealed record ClusterPaths(string Folder)
    {
        public string Root => Path.Combine(Folder, "postgres");

        public string Data => Path.Combine(Root, "data");

        public string Socket => Path.Combine(Root, "run");

        public string Log => Path.Combine(Root, "postgresql.log");

        public string PasswordFile => Path.Combine(Root, "superuser.password");
    }
}
