namespace IspPortal.Tests.Support;

/// <summary>Waits for a condition another thread or instance brings about (a notification, a webhook), up to a deadline: no fixed sleeps.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(15);

    public static async Task TrueAsync(Func<bool> condition, TimeSpan? within = null)
    {
        var until = DateTime.UtcNow + (within ?? DefaultDeadline);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "The condition was not met before the deadline.");
            await Task.Delay(20);
        }
    }
}
