using System.Text.Json;
using IspPortal.Core.Customers;
using IspPortal.Core.Customers.Installations;
using IspPortal.Core.Notifications;
using IspPortal.Core.Notifications.Templates;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Customers;

/// <summary>The installation work order on the technician's WhatsApp: at registration, on reassignment, once per version (real PostgreSQL).</summary>
public sealed class InstallationWorkOrderTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static readonly DateOnly Installation = new(2025, 3, 20);

    [Fact]
    public async Task Choosing_the_technician_at_registration_sends_them_the_work_order_on_WhatsApp()
    {
        await using var data = await PsbTestData.StartAsync(database, new DateTime(2025, 3, 15, 10, 0, 0));

        var result = await data.RegisterAsync(data.Input("3201014501900001", Installation, data.Technician));

        var order = Assert.Single(await WorkOrdersAsync());
        Assert.Equal(
            (InstallationNotices.WorkOrderKey(result.Code, 1, data.Technician) + ":WhatsApp", NotificationChannel.WhatsApp, "+6281311110001", (int?)null),
            (order.IdempotencyKey, order.Channel, order.Recipient, order.CustomerId));
        var values = Values(order);
        Assert.Equal("Teknisi Andi", values["nama"]);
        Assert.Equal(("Siti Nurhaliza", result.Code, "Rumahan 30 Mbps"), (values["nama_pelanggan"], values["kode_pelanggan"], values["paket"]));
        Assert.StartsWith("Jl. Ahmad Yani No. 12, Dawuan, Cikampek, Karawang, ", values["alamat"], StringComparison.Ordinal);
        Assert.EndsWith(", 41373", values["alamat"], StringComparison.Ordinal);
        Assert.Equal("https://www.google.com/maps?q=-6.41,107.45", values["link_peta"]);
        Assert.Equal("Kamis, 20 Maret 2025", values["jadwal"]);
        var text = TemplateText.Fill(NotificationEvents.InstallationWorkOrder.DefaultBody, values);
        Assert.Contains($"Siti Nurhaliza ({result.Code})", text, StringComparison.Ordinal);
        Assert.Contains("https://www.google.com/maps?q=-6.41,107.45", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reassignment_gives_the_new_technician_the_order_and_the_old_one_a_cancellation_and_a_retry_sends_nothing_twice()
    {
        await using var data = await PsbTestData.StartAsync(database, new DateTime(2025, 3, 15, 10, 0, 0));
        var result = await data.RegisterAsync(data.Input("3201014501900001", Installation, data.Technician));

        var moved = await AssignAsync(data, new InstallationAssignment(result.Code, data.OtherTechnician, new DateOnly(2025, 3, 21)));
        var again = await AssignAsync(data, new InstallationAssignment(result.Code, data.OtherTechnician, new DateOnly(2025, 3, 21)));

        Assert.True(moved.Succeeded, moved.FirstError);
        Assert.Contains("tidak berubah", again.Value, StringComparison.Ordinal);
        await using var db = database.CreateDbContext();
        var messages = await db.OutboxMessages.Where(m => m.Template.StartsWith("installation_work_order")).OrderBy(m => m.Id).ToListAsync();
        var expected = new[]
        {
            (NotificationEvents.InstallationWorkOrder.Key, "+6281311110001", InstallationNotices.WorkOrderKey(result.Code, 1, data.Technician) + ":WhatsApp"),
            (NotificationEvents.InstallationWorkOrder.Key, "+6281311110002", InstallationNotices.WorkOrderKey(result.Code, 2, data.OtherTechnician) + ":WhatsApp"),
            (NotificationEvents.InstallationWorkOrderCancelled.Key, "+6281311110001", InstallationNotices.CancellationKey(result.Code, 1, data.Technician) + ":WhatsApp"),
        };
        Assert.Equal(expected.OrderBy(m => m.Item3, StringComparer.Ordinal), messages.Select(m => (m.Template, m.Recipient, m.IdempotencyKey)).OrderBy(m => m.Item3, StringComparer.Ordinal));
        Assert.Equal("Jumat, 21 Maret 2025", Values(messages.Single(m => m.Recipient == "+6281311110002"))["jadwal"]);
        Assert.Equal("Kamis, 20 Maret 2025", Values(messages.Single(m => m.Template == NotificationEvents.InstallationWorkOrderCancelled.Key))["jadwal"]);
        var registration = await db.CustomerRegistrations.SingleAsync(r => r.CustomerId == result.CustomerId);
        Assert.Equal((data.OtherTechnician, new DateOnly(2025, 3, 21), 2), (registration.TechnicianId!.Value, registration.InstallationScheduledFor!.Value, registration.AssignmentVersion));
        var customer = await db.Customers.SingleAsync(c => c.Id == result.CustomerId);
        Assert.Equal((data.OtherTechnician, new DateOnly(2025, 3, 21)), (customer.TechnicianId!.Value, customer.InstallationDate!.Value));

        // The same version queued again (a retried transaction) adds nothing.
        await data.InScopeAsync(async sp =>
        {
            await using var retry = database.CreateDbContext();
            await using var transaction = await retry.Database.BeginTransactionAsync();
            var row = await retry.CustomerRegistrations.Include(r => r.Customer).SingleAsync(r => r.CustomerId == result.CustomerId);
            var skipped = await sp.GetRequiredService<InstallationNotices>().QueueAsync(retry, row.Customer!, row,
                new PreviousAssignment(data.Technician, 1, Installation), CancellationToken.None);
            await transaction.CommitAsync();
            return skipped;
        });
        Assert.Equal(3, await db.OutboxMessages.CountAsync(m => m.Template.StartsWith("installation_work_order")));
    }

    [Fact]
    public async Task A_technician_without_a_WhatsApp_number_is_skipped_with_the_reason_and_the_registration_still_succeeds()
    {
        await using var data = await PsbTestData.StartAsync(database, new DateTime(2025, 3, 15, 10, 0, 0));

        var result = await data.RegisterAsync(data.Input("3201014501900001", Installation, data.TechnicianWithoutPhone));
        var moved = await AssignAsync(data, new InstallationAssignment(result.Code, data.Technician, Installation));
        var back = await AssignAsync(data, new InstallationAssignment(result.Code, data.TechnicianWithoutPhone, Installation));

        Assert.True(moved.Succeeded, moved.FirstError);
        Assert.Contains("Teknisi Candra tidak punya nomor WhatsApp", moved.Value, StringComparison.Ordinal);
        Assert.Contains("Teknisi Candra tidak punya nomor WhatsApp", back.Value, StringComparison.Ordinal);
        await using var db = database.CreateDbContext();
        Assert.Equal(CustomerStatus.PendingProvisioning, (await db.Customers.SingleAsync(c => c.Id == result.CustomerId)).Status);
        var messages = await db.OutboxMessages.Where(m => m.Template.StartsWith("installation_work_order")).ToListAsync();
        Assert.Equal(
            [(NotificationEvents.InstallationWorkOrder.Key, "+6281311110001"), (NotificationEvents.InstallationWorkOrderCancelled.Key, "+6281311110001")],
            messages.OrderBy(m => m.Id).Select(m => (m.Template, m.Recipient)));
    }

    [Fact]
    public async Task A_finished_installation_or_an_unknown_technician_is_refused()
    {
        await using var data = await PsbTestData.StartAsync(database, new DateTime(2025, 3, 15, 10, 0, 0));
        var result = await data.RegisterAsync(data.Input("3201014501900001", Installation, data.Technician));

        var stranger = await AssignAsync(data, new InstallationAssignment(result.Code, Guid.NewGuid(), Installation));
        var past = await AssignAsync(data, new InstallationAssignment(result.Code, data.Technician, new DateOnly(2025, 3, 1)));
        var unknown = await AssignAsync(data, new InstallationAssignment("KCB-XXX000000-001", data.Technician, Installation));

        Assert.Contains("teknisi yang aktif", Assert.Single(stranger.Errors[nameof(InstallationAssignment.TechnicianId)]), StringComparison.Ordinal);
        Assert.Contains("hari ini", Assert.Single(past.Errors[nameof(InstallationAssignment.ScheduledFor)]), StringComparison.Ordinal);
        Assert.Contains("tidak ditemukan", unknown.FirstError, StringComparison.Ordinal);
        Assert.Single(await WorkOrdersAsync());
    }

    private static Task<IspPortal.Core.Common.Outcome<string>> AssignAsync(PsbTestData data, InstallationAssignment input) =>
        data.InScopeAsync(sp => sp.GetRequiredService<AssignInstallation>().ExecuteAsync(input));

    private async Task<List<OutboxMessage>> WorkOrdersAsync()
    {
        await using var db = database.CreateDbContext();
        return await db.OutboxMessages.Where(m => m.Template == NotificationEvents.InstallationWorkOrder.Key).ToListAsync();
    }

    private static Dictionary<string, string> Values(OutboxMessage message) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(message.Parameters)!;
}
