using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace IspPortal.Tests.Support;

// Headless Debian chromium driven by Playwright; Playwright's own browser download is never used.
// Use as IClassFixture<BrowserFixture>: one browser per test class, a fresh context per page.
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] _chromiumArguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not been started (InitializeAsync).");

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: apt-get install -y chromium (test.sh does this).");
        }

        // Conditions, not sleeps: a full run shares two cores among many portals and browsers, where
        // Playwright's 5 s default wait for an expectation is timing luck. A broken screen still fails.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = _chromiumArguments,
        });
    }

    // A page in a context of its own (no cookies shared with other tests). Close page.Context when done.
    public async Task<IPage> NewPageAsync(Uri? baseAddress = null, bool phone = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress?.ToString(),
            // A common phone's screen (390×844 CSS pixels) for the pages customers open on their phones.
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : null,
            IsMobile = phone,
            HasTouch = phone,
        });
        return await context.NewPageAsync();
    }

    // Runs a test on a fresh page; when it fails, a screenshot is saved to TestResults/screenshots.
    public async Task OnPageAsync(Func<IPage, Task> test, Uri? baseAddress = null, [CallerMemberName] string testName = "", bool phone = false)
    {
        var page = await NewPageAsync(baseAddress, phone);
        try
        {
            await test(page);
        }
        catch
        {
            var screenshot = Path.Combine(RepositoryFolder.PathTo("TestResults"), "screenshots", $"{testName}-{DateTime.UtcNow:HHmmssfff}.png");
            try
            {
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true, Timeout = 10_000 });
            }
            catch (Exception exception) when (exception is TimeoutException or PlaywrightException)
            {
                // A page too busy to be photographed must not hide why the test failed.
            }
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
