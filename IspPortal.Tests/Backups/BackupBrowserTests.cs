using IspPortal.Core.Backups;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace IspPortal.Tests.Backups;

/// <summary>Pengaturan → Cadangan in a real browser: "Cadangkan sekarang" runs a backup of the demo ISP, the run shows as done, and Admin downloads the archive.</summary>
public sealed class BackupBrowserTests(DemoPortalFactory portal, BrowserFixture browser) : IClassFixture<DemoPortalFactory>, IClassFixture<BrowserFixture>
{
    [Fact]
    public Task Admin_backs_up_now_sees_the_run_succeed_and_downloads_its_archive() => browser.OnPageAsync(async page =>
    {
        await page.SignInAsync("admin");
        await page.GotoAsync("/settings");
        await page.WaitForCircuitAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Cadangan" }).ClickAsync();

        await page.GetByTestId("backup-now").ClickAsync();
        var done = page.GetByTestId("backup-runs").Locator("tbody tr", new() { HasText = "Berhasil" });
        await Assertions.Expect(done).ToHaveCountAsync(1, new() { Timeout = 60_000 });
        var download = await page.RunAndWaitForDownloadAsync(() => done.GetByText("Unduh").ClickAsync());

        await using var db = portal.Database.CreateDbContext();
        var run = await db.BackupRuns.SingleAsync();
        Assert.Equal((BackupRunStatus.Succeeded, BackupTrigger.Manual, "admin"), (run.Status, run.Trigger, run.StartedBy));
        Assert.Equal(run.File, download.SuggestedFilename);
        var saved = await download.PathAsync();
        Assert.Equal(run.SizeBytes, new FileInfo(saved).Length);
    }, portal.BaseAddress);
}
