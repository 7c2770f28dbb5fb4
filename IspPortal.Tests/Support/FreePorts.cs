using System.Net;
using System.Net.Sockets;

namespace IspPortal.Tests.Support;

public static class FreePorts
{
    // Below Linux's ephemeral range (32768 and up): a port found free here stays free until the test binds it, rather
    // than being taken meanwhile by one of the run's own outgoing connections (which once left a demo router unsimulated).
    private static int _next = 20000 + (Environment.ProcessId % 1000) * 10;

    /// <summary>
    /// The first of <paramref name="count"/> consecutive loopback ports that are free right now
    /// (the demo puts its routers on consecutive ports). Each call starts past the previous one,
    /// so parallel test classes never pick the same range.
    /// </summary>
    public static int Consecutive(int count)
    {
        while (true)
        {
            var first = Interlocked.Add(ref _next, count) - count;
            if (first + count > IPEndPoint.MaxPort)
                throw new InvalidOperationException("No free range of loopback ports left.");
            if (Enumerable.Range(first, count).All(IsFree))
                return first;
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
