namespace PagerDutySinks.Emulator;

/// <summary>Masks routing keys for display: a key is a secret, so only its ends are ever shown.</summary>
internal static class KeyMask
{
    public static string Mask(string? key) =>
        key is null ? "" : key.Length < 12 ? new string('*', key.Length) : $"{key[..4]}…{key[^4..]}";
}
