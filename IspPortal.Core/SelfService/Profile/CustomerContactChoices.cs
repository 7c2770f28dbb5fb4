using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.SelfService.Profile;

/// <summary>
/// What a signed-in customer changes about how we reach them: the e-mail address (with the staff
/// form's rule; empty removes it) and whether they get invoice notices and reminders. Service messages
/// (credentials, isolation, payments, tickets, sign-in codes) are not theirs to switch off.
/// </summary>
public sealed class CustomerContactChoices(IIspDbFactory dbs, TimeProvider clock)
{
    public async Task<Outcome<string>> ChangeEmailAsync(SelfServiceCaller caller, string? email, string address, CancellationToken cancellationToken = default)
    {
        var (normalised, error) = CustomerEmail.Normalise(email);
        if (error is not null)
            return Outcome.Refused<string>("email", error);
        await using var db = await dbs.CreateAsync(cancellationToken);
        var customer = await db.Customers.SingleAsync(c => c.Id == caller.CustomerId, cancellationToken);
        if (customer.Email == normalised)
            return Outcome.Done(normalised is null ? "Alamat e-mail tidak berubah." : $"Alamat e-mail tetap {normalised}.");
        var now = clock.GetUtcNow();
        customer.Email = normalised;
        customer.MarkEdited(now);
        db.SelfServiceActivities.Add(new SelfServiceActivity(customer.Id, SelfServiceAction.EmailChanged, normalised ?? "dihapus", address, now));
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done(normalised is null ? "Alamat e-mail dihapus." : $"Alamat e-mail Anda sekarang {normalised}.");
    }

    public async Task<string> ChooseRemindersAsync(SelfServiceCaller caller, bool receive, string address, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var customer = await db.Customers.SingleAsync(c => c.Id == caller.CustomerId, cancellationToken);
        if (customer.NotificationsOptOut == !receive)
            return Message(receive);
        var now = clock.GetUtcNow();
        customer.NotificationsOptOut = !receive;
        customer.MarkEdited(now);
        db.SelfServiceActivities.Add(new SelfServiceActivity(customer.Id, SelfServiceAction.PreferencesChanged,
            receive ? "Menerima pemberitahuan tagihan dan pengingat" : "Berhenti menerima pemberitahuan tagihan dan pengingat", address, now));
        await db.SaveChangesAsync(cancellationToken);
        return Message(receive);
    }

    private static string Message(bool receive) => receive
        ? "Anda menerima pemberitahuan tagihan dan pengingat."
        : "Anda tidak lagi menerima pemberitahuan tagihan, pengingat, dan promosi. Pesan layanan (isolir, pembayaran, tiket, kode masuk) tetap dikirim.";
}
