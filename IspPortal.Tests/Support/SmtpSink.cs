using System.Diagnostics;
using System.Net.Sockets;
using MimeKit;

namespace IspPortal.Tests.Support;

/// <summary>
/// A real SMTP server on loopback: Debian's aiosmtpd (installed by test.sh) with its Maildir handler,
/// so what the portal sends is received, stored and read back as the message the server got.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    public const string Python = "/usr/bin/python3";

    private readonly Process _process;
    private readonly string _folder;

    private SmtpSink(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    /// <param name="tlsCertificate">PEM certificate and key files: the server then offers STARTTLS and requires it.</param>
    public static async Task<SmtpSink> StartAsync((string Certificate, string Key)? tlsCertificate = null)
    {
        var port = FreePorts.Consecutive(1);
        // aiosmtpd's Maildir makes its tmp/new/cur folders only when the folder does not exist yet.
        var folder = Directory.CreateTempSubdirectory("ispportal-smtp-").FullName;
        var maildir = Path.Combine(folder, "maildir");
        var start = new ProcessStartInfo(Python) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in (string[])["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}"])
            start.ArgumentList.Add(argument);
        if (tlsCertificate is { } tls)
            foreach (var argument in (string[])["--tlscert", tls.Certificate, "--tlskey", tls.Key])
                start.ArgumentList.Add(argument);
        foreach (var argument in (string[])["-c", "aiosmtpd.handlers.Mailbox", maildir])
            start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{Python} -m aiosmtpd did not start.");
        var sink = new SmtpSink(process, folder, port);
        try
        {
            // An aiosmtpd that exited ends the wait, so its own error is what the test reports.
            await Eventually.TrueAsync(
                async () => process.HasExited || await AcceptsAsync(port),
                TimeSpan.FromSeconds(20), $"aiosmtpd did not listen on 127.0.0.1:{port} within 20 s.");
            if (process.HasExited)
                throw new InvalidOperationException($"aiosmtpd stopped: {await process.StandardError.ReadToEndAsync()}");
        }
        catch
        {
            await sink.DisposeAsync();
            throw;
        }
        return sink;
    }

    /// <summary>The messages received so far, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Received()
    {
        var received = Path.Combine(_folder, "maildir", "new");
        return Directory.Exists(received)
            ? [.. new DirectoryInfo(received).GetFiles().OrderBy(f => f.LastWriteTimeUtc).Select(f => MimeMessage.Load(f.FullName))]
            : [];
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
