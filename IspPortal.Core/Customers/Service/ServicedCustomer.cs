using IspPortal.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Customers.Service;

/// <summary>The customer a service change (package, password, termination) is for, tracked in <c>db</c>.</summary>
internal static class ServicedCustomer
{
    /// <returns>The customer, or why no change can be made: the code is unknown, or the customer has left.</returns>
    public static async Task<(Customer? Customer, string Refusal)> FindAsync(IIspDb db, string customerCode, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.SingleOrDefaultAsync(c => c.Code == customerCode, cancellationToken);
        return customer switch
        {
            null => (null, $"Pelanggan {customerCode} tidak ditemukan."),
            { Status: CustomerStatus.Terminated } => (null, $"Pelanggan {customer.Code} sudah berhenti berlangganan."),
            _ => (customer, ""),
        };
    }
}
