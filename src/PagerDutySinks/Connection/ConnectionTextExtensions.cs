namespace PagerDutySinks.Connection;

/// <summary>The char overloads of .NET Core's string methods, for the netstandard2.0 build of the connection parser.</summary>
internal static class ConnectionTextExtensions
{
#if NETSTANDARD2_0
    public static bool Contains(this string text, char value) => text.IndexOf(value) >= 0;

    public static bool StartsWith(this string text, char value) => text.Length > 0 && text[0] == value;

    public static bool EndsWith(this string text, char value) => text.Length > 0 && text[text.Length - 1] == value;
#endif
}
