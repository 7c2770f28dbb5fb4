using System.Linq.Expressions;
using IspPortal.Core.Common;
using IspPortal.Core.Customers.Registration;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Customers;

/// <summary>
/// What a customer search box matches: part of the code or name, the phone as typed (<c>0812…</c>
/// finds <c>+62812…</c>), the PPPoE username, or the NIK (through its keyed hash, never by
/// decrypting). One OR of only the conditions that apply, each served by an index.
/// </summary>
public static class CustomerSearch
{
    public static async Task<IQueryable<Customer>> MatchingAsync(IIspDb db, IQueryable<Customer> customers, string term, IKeyedHasher hasher, CancellationToken cancellationToken)
    {
        var pattern = QueryableExtensions.ContainsPattern(term);
        var alternatives = new List<Expression<Func<Customer, bool>>>
        {
            c => EF.Functions.Like(c.Code.ToLower(), pattern),
            c => EF.Functions.Like(c.FullName.ToLower(), pattern),
        };
        if (PhonePattern(term) is { } phonePattern)
            alternatives.Add(c => EF.Functions.Like(c.Phone, phonePattern));
        var nik = Nik.Clean(term);
        if (nik.Length == Nik.Length && nik.All(char.IsAsciiDigit))
        {
            var nikHash = await hasher.HashAsync(nik, cancellationToken);
            alternatives.Add(c => c.NikHash == nikHash);
        }
        // Looked up first: an EXISTS inside the OR would make PostgreSQL scan every customer.
        var username = term.ToUpperInvariant();
        var byUsername = await db.PppoeSecrets.Where(s => s.Username == username).Select(s => s.CustomerId).Distinct().ToListAsync(cancellationToken);
        if (byUsername.Count > 0)
            alternatives.Add(c => byUsername.Contains(c.Id));
        return customers.Where(Predicates.AnyOf(alternatives));
    }

    /// <summary>Phones are stored as +62…; an agent types 0812…, 62812… or a part of the number.</summary>
    private static string? PhonePattern(string term)
    {
        var digits = new string(term.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length < 4 || term.Any(c => char.IsLetter(c)))
            return null;
        if (digits.StartsWith('0'))
            digits = IndonesianPhone.CountryCode + digits[1..];
        return "%" + digits + "%";
    }
}
