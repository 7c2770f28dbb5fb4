namespace IspPortal.Core.Tickets;

/// <summary>Indonesian names of a ticket's status, priority and channel (the UI translates them as message keys).</summary>
public static class TicketLabels
{
    public static string Status(TicketStatus status) => status switch
    {
        TicketStatus.Open => "Baru",
        TicketStatus.Triaged => "Ditriase",
        TicketStatus.Assigned => "Ditugaskan",
        TicketStatus.InProgress => "Dikerjakan",
        TicketStatus.WaitingForCustomer => "Menunggu pelanggan",
        TicketStatus.Resolved => "Selesai",
        TicketStatus.Verified => "Terverifikasi",
        TicketStatus.Closed => "Ditutup",
        _ => "Dibatalkan",
    };

    public static string Priority(TicketPriority priority) => priority switch
    {
        TicketPriority.Low => "Rendah",
        TicketPriority.Medium => "Sedang",
        TicketPriority.High => "Tinggi",
        _ => "Mendesak",
    };

    public static string Channel(TicketChannel channel) => channel switch
    {
        TicketChannel.Web => "Web",
        TicketChannel.WhatsApp => "WhatsApp",
        TicketChannel.Phone => "Telepon",
        TicketChannel.Email => "Email",
        _ => "Portal pelanggan",
    };

    public static string Action(TicketAction action) => action switch
    {
        TicketAction.StartWork => "Mulai kerjakan",
        TicketAction.WaitForCustomer => "Tunggu pelanggan",
        TicketAction.Resolve => "Selesaikan",
        TicketAction.Reopen => "Buka kembali",
        TicketAction.Close => "Tutup",
        _ => "Batalkan",
    };
}
