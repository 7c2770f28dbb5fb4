using System.Security.Cryptography;
using System.Text;

namespace IspPortal.Infrastructure.Network.RouterOs;

/// <summary>The pre-6.43 challenge login (ROUTEROS.md §2.3): <c>"00" + hex(MD5(0x00 ‖ password ‖ challenge))</c>.</summary>
public static class LegacyLogin
{
    public static string Response(string password, string challengeHex)
    {
        var challenge = Convert.FromHexString(challengeHex);
        var passwordBytes = Encoding.UTF8.GetBytes(password);
        var input = new byte[1 + passwordBytes.Length + challenge.Length];
        passwordBytes.CopyTo(input, 1);
        challenge.CopyTo(input, 1 + passwordBytes.Length);
#pragma warning disable CA5351 // RouterOS before 6.43 defines its login with MD5; there is no other choice.
        var digest = MD5.HashData(input);
#pragma warning restore CA5351
        return "00" + Convert.ToHexStringLower(digest);
    }
}
