namespace IspPortal.Tests.Support;

/// <summary>Waits for a condition another thread or instance brings about (a notification, a webhook), up to a deadline: no fixed sleeps.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(15);

    public static Task TrueAsync(Func<bool> condition, TimeSpan? within = null, string? because = null) =>
        TrueAsync(() => Task.FromResult(condition()), within, because);

    /// <summary>For conditions that ask something (a database, a port) each time they are checked.</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan? within = null, string? because = null)
    {
        var until = DateTime.UtcNow + (within ?? DefaultDeadline);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, because ?? "The condition was not met before the deadline.");
            await Task.Delay(20);
        }
    }
}
