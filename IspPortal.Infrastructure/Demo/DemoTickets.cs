using IspPortal.Core.Billing.Documents;
using IspPortal.Core.Common;
using IspPortal.Core.Customers;
using IspPortal.Core.Settings;
using IspPortal.Core.Tickets;
using IspPortal.Core.Tickets.Sla;
using IspPortal.Infrastructure.Persistence;

namespace IspPortal.Infrastructure.Demo;

/// <summary>
/// The demo's helpdesk: five ticket categories (keywords, SLA per priority, escalation NOC/Staff →
/// Manager → Admin) and thirty tickets over the last four weeks in every status and channel, triaged by
/// the same keyword rules and SLA clock as real ones, some with the technician or staff, a few past SLA
/// and escalated, closed ones rated. Deterministic for a given "now".
/// </summary>
public static class DemoTickets
{
    private enum Who { Nobody, Technician, Staff }

    /// <param name="HoursAgo">When it was opened.</param>
    /// <param name="RespondedAfter">Minutes until an agent first answered; null while nobody has.</param>
    /// <param name="ResolvedAfter">Hours from opening until it was resolved (resolved, verified, closed).</param>
    private sealed record Seed(string Subject, string Description, TicketChannel Channel, double HoursAgo, TicketStatus Status, Who Assignee,
        int? RespondedAfter = null, double ResolvedAfter = 0, int? Rating = null, TicketPriority? Priority = null);

    private static readonly Seed[] Tickets =
    [
        new("Internet mati sejak pagi", "Lampu PON berkedip, internet mati total sejak jam 6.", TicketChannel.WhatsApp, 30, TicketStatus.Open, Who.Nobody),
        new("Koneksi lambat malam hari", "Setiap jam 19–22 internet lambat sekali, YouTube buffering.", TicketChannel.Phone, 20, TicketStatus.Assigned, Who.Technician, RespondedAfter: 25),
        new("Minta pindah alamat pemasangan", "Pindah rumah ke Perum Griya Asri blok C, minta pemasangan di alamat baru.", TicketChannel.Web, 52, TicketStatus.Triaged, Who.Nobody),
        new("Lampu LOS merah di ONT", "Lampu LOS merah menyala, tidak bisa internet sama sekali.", TicketChannel.WhatsApp, 6, TicketStatus.InProgress, Who.Technician, RespondedAfter: 10, Priority: TicketPriority.Urgent),
        new("Tagihan dobel bulan ini", "Saya ditagih dua kali untuk bulan ini padahal sudah bayar.", TicketChannel.Email, 44, TicketStatus.WaitingForCustomer, Who.Staff, RespondedAfter: 50),
        new("Ganti kata sandi WiFi", "Minta dibantu ganti kata sandi wifi, lupa caranya.", TicketChannel.WhatsApp, 70, TicketStatus.Resolved, Who.Staff, RespondedAfter: 15, ResolvedAfter: 3),
        new("Upgrade paket ke 50 Mbps", "Ingin upgrade paket dari 20 ke 50 Mbps mulai bulan depan.", TicketChannel.Web, 160, TicketStatus.Closed, Who.Staff, RespondedAfter: 40, ResolvedAfter: 20, Rating: 5),
        new("Kabel putus kena pohon tumbang", "Kabel drop putus kena pohon tumbang depan rumah.", TicketChannel.Phone, 3, TicketStatus.Assigned, Who.Technician, RespondedAfter: 5, Priority: TicketPriority.Urgent),
        new("Internet putus-putus", "Koneksi putus nyambung tiap beberapa menit sejak kemarin.", TicketChannel.WhatsApp, 75, TicketStatus.Open, Who.Nobody),
        new("Router rusak tidak menyala", "Router rusak, lampu power tidak menyala setelah mati listrik.", TicketChannel.Phone, 26, TicketStatus.InProgress, Who.Technician, RespondedAfter: 200),
        new("Bukti bayar sudah dikirim tapi masih isolir", "Sudah transfer kemarin, bukti bayar sudah dikirim, tapi internet masih isolir.", TicketChannel.WhatsApp, 9, TicketStatus.Assigned, Who.Staff, RespondedAfter: 20),
        new("Minta invoice bulan lalu", "Tolong kirim invoice bulan lalu untuk laporan kantor.", TicketChannel.Email, 96, TicketStatus.Closed, Who.Staff, RespondedAfter: 60, ResolvedAfter: 5, Rating: 4),
        new("Pasang baru untuk toko", "Ingin pasang baru internet untuk toko di Jl. Tuparev.", TicketChannel.Web, 120, TicketStatus.Closed, Who.Staff, RespondedAfter: 90, ResolvedAfter: 26, Rating: 5),
        new("ONT rusak kena petir", "ONT rusak setelah hujan petir semalam, lampu mati semua.", TicketChannel.Phone, 200, TicketStatus.Closed, Who.Technician, RespondedAfter: 30, ResolvedAfter: 30, Rating: 3),
        new("Internet lambat saat hujan", "Kalau hujan internet jadi lambat dan sering los.", TicketChannel.WhatsApp, 250, TicketStatus.Closed, Who.Technician, RespondedAfter: 45, ResolvedAfter: 50, Rating: 4),
        new("Turun paket ke 10 Mbps", "Mau turun paket ke 10 Mbps karena jarang dipakai.", TicketChannel.Phone, 300, TicketStatus.Closed, Who.Staff, RespondedAfter: 120, ResolvedAfter: 48, Rating: 5),
        new("Salah input nomor WhatsApp", "Nomor WhatsApp di data pelanggan salah satu angka.", TicketChannel.Web, 400, TicketStatus.Cancelled, Who.Nobody),
        new("Tidak bisa internet setelah bayar", "Sudah bayar tagihan tapi tidak bisa internet.", TicketChannel.WhatsApp, 12, TicketStatus.WaitingForCustomer, Who.Technician, RespondedAfter: 15),
        new("Modem rusak minta ganti", "Modem rusak, adaptor panas, minta diganti unit baru.", TicketChannel.Web, 48, TicketStatus.Resolved, Who.Technician, RespondedAfter: 35, ResolvedAfter: 24),
        new("Wifi tidak sampai lantai dua", "Sinyal wifi lemah di lantai dua, minta saran perangkat tambahan.", TicketChannel.WhatsApp, 140, TicketStatus.Verified, Who.Technician, RespondedAfter: 30, ResolvedAfter: 28),
        new("Jaringan mati satu gang", "Satu gang di Perum Bumi Cikampek internet mati semua.", TicketChannel.Phone, 2, TicketStatus.Open, Who.Nobody, Priority: TicketPriority.Urgent),
        new("Permintaan instalasi ulang", "Minta instalasi ulang kabel karena renovasi rumah.", TicketChannel.Web, 90, TicketStatus.Assigned, Who.Technician, RespondedAfter: 300),
        new("Pembayaran QRIS gagal", "Bayar pakai QRIS gagal tapi saldo terpotong.", TicketChannel.WhatsApp, 5, TicketStatus.InProgress, Who.Staff, RespondedAfter: 12),
        new("Tanya promo upgrade paket", "Ada promo upgrade paket bulan ini?", TicketChannel.WhatsApp, 36, TicketStatus.Resolved, Who.Staff, RespondedAfter: 100, ResolvedAfter: 2),
        new("Sering putus saat video call", "Video call kantor sering putus sejak minggu lalu.", TicketChannel.Email, 60, TicketStatus.WaitingForCustomer, Who.Technician, RespondedAfter: 80),
        new("Internet mati setelah mati listrik", "Setelah listrik padam internet mati, sudah restart router.", TicketChannel.Phone, 400, TicketStatus.Closed, Who.Technician, RespondedAfter: 20, ResolvedAfter: 6, Rating: 2),
        new("Lupa tanggal jatuh tempo tagihan", "Kapan tanggal jatuh tempo tagihan saya?", TicketChannel.WhatsApp, 500, TicketStatus.Closed, Who.Staff, RespondedAfter: 10, ResolvedAfter: 1, Rating: 5),
        new("Ganti router ke dual band", "Ingin ganti router ke yang dual band, berapa biayanya?", TicketChannel.Web, 110, TicketStatus.Resolved, Who.Staff, RespondedAfter: 240, ResolvedAfter: 30),
        new("Kecepatan tidak sesuai paket", "Speedtest hanya 5 Mbps padahal paket 20 Mbps, internet lambat.", TicketChannel.WhatsApp, 28, TicketStatus.InProgress, Who.Technician, RespondedAfter: 40),
        new("Minta kunjungan teknisi", "Kabel di dalam rumah terkelupas, minta teknisi datang.", TicketChannel.Phone, 15, TicketStatus.Open, Who.Nobody),
    ];

    public static IReadOnlyList<TicketCategory> Categories(DateTimeOffset now) =>
    [
        Category("GANGGUAN", "Gangguan koneksi", "Internet mati, putus-putus atau lambat.", ["mati", "los", "putus", "lambat", "lemot", "tidak bisa internet", "gangguan"],
            TicketPriority.High, [(240, 1440), (120, 720), (30, 240), (15, 120)], ["NOC", "Manager", "Admin"], 10, now),
        Category("PSB", "Pemasangan & instalasi", "Pasang baru, pindah alamat, instalasi ulang.", ["pasang baru", "pemasangan", "instalasi", "psb", "pindah alamat"],
            TicketPriority.Medium, [(480, 4320), (240, 2880), (120, 1440), (60, 480)], ["Staff", "Manager", "Admin"], 20, now),
        Category("TAGIHAN", "Tagihan & pembayaran", "Tagihan, pembayaran, isolir karena tunggakan.", ["tagihan", "bayar", "invoice", "pembayaran", "isolir", "qris"],
            TicketPriority.Medium, [(480, 2880), (240, 1440), (60, 480), (30, 240)], ["Staff", "Manager", "Admin"], 30, now),
        Category("PERANGKAT", "Perangkat pelanggan", "Router, ONT, modem atau wifi rusak.", ["router rusak", "ont rusak", "modem rusak", "router", "modem", "wifi", "adaptor"],
            TicketPriority.Medium, [(480, 2880), (120, 1440), (60, 480), (30, 240)], ["NOC", "Manager", "Admin"], 40, now),
        Category("UPGRADE", "Ubah paket", "Naik atau turun paket, tanya promo.", ["upgrade", "naik paket", "turun paket", "paket", "promo"],
            TicketPriority.Low, [(480, 4320), (240, 2880), (120, 1440), (60, 480)], ["Staff", "Manager"], 50, now),
    ];

    /// <param name="sla">First response and resolution minutes for low, medium, high and urgent.</param>
    /// <param name="escalation">Roles for escalation levels 1, 2 and 3 (fewer leaves the higher levels to nobody).</param>
    private static TicketCategory Category(string code, string name, string description, List<string> keywords, TicketPriority priority,
        (int First, int Resolution)[] sla, string[] escalation, int sortOrder, DateTimeOffset now) => new()
    {
        Code = code, Name = name, Description = description, Keywords = keywords, DefaultPriority = priority,
        FirstResponseMinutesLow = sla[0].First, ResolutionMinutesLow = sla[0].Resolution,
        FirstResponseMinutesMedium = sla[1].First, ResolutionMinutesMedium = sla[1].Resolution,
        FirstResponseMinutesHigh = sla[2].First, ResolutionMinutesHigh = sla[2].Resolution,
        FirstResponseMinutesUrgent = sla[3].First, ResolutionMinutesUrgent = sla[3].Resolution,
        EscalationRoleLevel1 = escalation.ElementAtOrDefault(0), EscalationRoleLevel2 = escalation.ElementAtOrDefault(1), EscalationRoleLevel3 = escalation.ElementAtOrDefault(2),
        SortOrder = sortOrder, CreatedAt = now,
    };

    public static async Task SeedAsync(IspDbContext db, IReadOnlyList<Customer> customers, Random random, DateTimeOffset now, Guid? technicianId, Guid? staffId,
        CancellationToken cancellationToken)
    {
        var categories = Categories(now);
        db.TicketCategories.AddRange(categories);
        await db.SaveChangesAsync(cancellationToken);

        var zone = TimeZoneInfo.FindSystemTimeZoneById(new RegionalSettings().TimeZone);
        var business = new BusinessClock(new BusinessHoursSettings(), zone);
        // Numbered as OpenTicket numbers them (months in the ISP's zone), oldest first, with each month's counter left where the seed stopped.
        var numbers = new Dictionary<DateOnly, long>();
        var replies = new List<(Ticket Ticket, TicketComment? Customer, DateTimeOffset RepliedAt, Guid? By)>();
        foreach (var seed in Tickets.OrderByDescending(s => s.HoursAgo))
        {
            var customer = customers[random.Next(customers.Count)];
            var opened = now.AddHours(-seed.HoursAgo);
            var local = TimeZoneInfo.ConvertTime(opened, zone);
            var month = new DateOnly(local.Year, local.Month, 1);
            numbers[month] = numbers.GetValueOrDefault(month) + 1;
            var ticket = new Ticket(DocumentNumberFormat.Render(Ticket.NumberFormat, month, numbers[month]), customer.Id, seed.Subject, seed.Description,
                seed.Channel, seed.Priority ?? TicketPriority.Medium, opened, seed.Channel == TicketChannel.WhatsApp ? null : staffId);
            if (seed.Channel == TicketChannel.WhatsApp)
                ticket.RecordCustomerMessage(opened);
            var category = TicketTriage.Categorise(categories, seed.Subject, seed.Description);
            if (category is not null)
            {
                var priority = seed.Priority ?? category.DefaultPriority;
                var (firstResponse, resolution) = category.SlaFor(priority);
                ticket.Categorise(category, priority, business.AddBusinessMinutes(opened, (int)firstResponse.TotalMinutes),
                    business.AddBusinessMinutes(opened, (int)resolution.TotalMinutes), null, opened);
            }
            var agent = seed.Assignee switch { Who.Technician => technicianId, Who.Staff => staffId, _ => null };
            Walk(ticket, seed, agent, staffId, opened, now);
            if (seed.RespondedAfter is { } minutes)
            {
                var repliedAt = Before(opened.AddMinutes(minutes), now);
                ticket.RecordAgentReply(repliedAt);
                replies.Add((ticket, null, repliedAt, agent ?? staffId));
            }
            if (ticket.FirstRespondedAt is null && ticket.FirstResponseDueAt is { } due && due < now && ticket.Category is { } late)
            {
                // Left unanswered past its deadline: escalated as the job would have, level 1 at 80% of the time, 2 at the deadline.
                ticket.Escalate(EscalationReason.FirstResponseDue, due, late.EscalationRoleFor(1), null, opened + (due - opened) * EscalateTickets.NearingShare);
                ticket.Escalate(EscalationReason.FirstResponseOverdue, due, late.EscalationRoleFor(2), null, due);
            }
            db.Tickets.Add(ticket);
        }
        foreach (var (month, last) in numbers)
            db.DocumentSequences.Add(new DocumentSequence(DocumentNumberFormat.Scope(DocumentNumberFormat.TicketKind, Ticket.NumberFormat, month), last));
        await db.SaveChangesAsync(cancellationToken);

        // The conversation's first lines: the customer's message on WhatsApp, and the agent's first answer.
        foreach (var ticket in db.Tickets.Local.Where(t => t.Channel == TicketChannel.WhatsApp))
            db.TicketComments.Add(new TicketComment(ticket.Id, CommentAuthor.Customer, null, ticket.Description, false, ticket.CreatedAt));
        foreach (var (ticket, _, repliedAt, by) in replies)
            db.TicketComments.Add(new TicketComment(ticket.Id, CommentAuthor.Agent, by, "Terima kasih, laporan Anda sedang kami periksa.", false, repliedAt));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Moves the ticket along the lifecycle to the seed's status, each step a little after the one before.</summary>
    private static void Walk(Ticket ticket, Seed seed, Guid? agent, Guid? staffId, DateTimeOffset opened, DateTimeOffset now)
    {
        var resolvedAt = Before(opened.AddHours(Math.Max(seed.ResolvedAfter, 1)), now);
        DateTimeOffset At(double minutes) => Before(opened.AddMinutes(minutes), now);
        void Assign()
        {
            if (agent is { } who)
                ticket.AssignTo(who, staffId, At(15));
            else
                ticket.MoveTo(TicketStatus.Assigned, staffId, At(15));
        }

        switch (seed.Status)
        {
            case TicketStatus.Open:
                return;
            case TicketStatus.Triaged:
                ticket.MoveTo(TicketStatus.Triaged, staffId, At(10));
                return;
            case TicketStatus.Cancelled:
                ticket.MoveTo(TicketStatus.Cancelled, staffId, At(30), "Laporan ganda, sudah ditangani di tiket lain.");
                return;
        }
        Assign();
        if (seed.Status == TicketStatus.Assigned)
            return;
        ticket.MoveTo(TicketStatus.InProgress, agent, At(45));
        if (seed.Status == TicketStatus.InProgress)
            return;
        if (seed.Status == TicketStatus.WaitingForCustomer)
        {
            ticket.MoveTo(TicketStatus.WaitingForCustomer, agent, At(90), "Menunggu konfirmasi pelanggan.");
            return;
        }
        ticket.MoveTo(TicketStatus.Resolved, agent, resolvedAt, "Sudah ditangani, layanan normal kembali.");
        if (seed.Status == TicketStatus.Verified)
            ticket.MoveTo(TicketStatus.Verified, null, Before(resolvedAt.AddHours(3), now));
        if (seed.Status == TicketStatus.Closed)
        {
            var closedAt = Before(resolvedAt.AddHours(24), now);
            ticket.MoveTo(TicketStatus.Closed, staffId, closedAt);
            if (seed.Rating is { } rating)
                ticket.Rate(rating, rating >= 4 ? "Cepat ditangani, terima kasih." : "Agak lama menunggu teknisi.", Before(closedAt.AddMinutes(30), now));
        }
    }

    /// <summary>A moment of the story, never in the future.</summary>
    private static DateTimeOffset Before(DateTimeOffset at, DateTimeOffset now) => at < now ? at : now.AddMinutes(-1);
}
