using System;
using System.Globalization;
using System.Net;
using PagerDutySinks.Connection;

namespace PagerDutySinks;

/// <summary>The authority part of a connection URL: host and port, and how the host is reached.</summary>
internal static class ConnectionHost
{
    /// <summary>Loopback hosts are reached over plain http so a URL can point at the local emulator.</summary>
    public static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) ||
        (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));

    public static int DefaultPort(string host) => IsLoopback(host) ? 80 : 443;

    public static bool IsIPv6(string host) => host.Contains(':');

    /// <summary>The host as written in a URL: IPv6 addresses in brackets.</summary>
    public static string ForUrl(string host) => IsIPv6(host) ? "[" + host + "]" : host;

    /// <summary>Splits <c>host[:port]</c> or <c>[v6][:port]</c>; an empty authority means the default host.</summary>
    public static bool TryParse(string authority, out string host, out int port, out string? error)
    {
        host = PagerDutyConnection.DefaultHost;
        port = 443;
        error = null;
        if (authority.Length == 0)
        {
            return true;
        }

        if (authority.Contains('@'))
        {
            // Whatever precedes '@' may well be the key: never echo it.
            error = "user information (text before '@') is not supported: the integration key goes in the path, pagerduty://[host[:port]]/KEY.";
            return false;
        }

        string? portText = null;
        if (authority[0] == '[')
        {
            var close = authority.IndexOf(']');
            if (close < 0)
            {
                error = "host: an IPv6 address opened with '[' is not closed with ']'.";
                return false;
            }

            host = authority.Substring(1, close - 1);
            var rest = authority.Substring(close + 1);
            if (rest.Length > 0)
            {
                if (rest[0] != ':')
                {
                    error = "host: only ':port' may follow an IPv6 address in brackets.";
                    return false;
                }

                portText = rest.Substring(1);
            }

            if (Uri.CheckHostName(host) != UriHostNameType.IPv6)
            {
                error = "host: the text in brackets is not a valid IPv6 address.";
                return false;
            }
        }
        else
        {
            var colon = authority.IndexOf(':');
            if (colon >= 0 && authority.IndexOf(':', colon + 1) >= 0)
            {
                error = "host: an IPv6 address must be written in brackets, e.g. pagerduty://[::1]:8080/KEY.";
                return false;
            }

            host = colon < 0 ? authority : authority.Substring(0, colon);
            portText = colon < 0 ? null : authority.Substring(colon + 1);
            if (host.Length == 0)
            {
                error = "host: a port is given without a host.";
                return false;
            }

            var kind = Uri.CheckHostName(host);
            if (kind != UriHostNameType.Dns && kind != UriHostNameType.IPv4)
            {
                error = "host: not a valid host name or IPv4 address.";
                return false;
            }
        }

        host = host.ToLowerInvariantSafe();
        port = DefaultPort(host);
        if (portText is null)
        {
            return true;
        }

        if (portText.Length == 0 || portText.Length > 5 || !IsDigits(portText) ||
            !int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port < 1 || port > 65535)
        {
            // A short value is safe to show; a long one could be a misplaced key.
            error = "port" + (portText.Length is > 0 and <= 8 ? " '" + portText + "'" : "") + " is not a number from 1 to 65535.";
            return false;
        }

        return true;
    }

    private static bool IsDigits(string text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Host names are case-insensitive; they are kept in lower case, as URLs print them.</summary>
    private static string ToLowerInvariantSafe(this string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = char.ToLowerInvariant(chars[i]);
        }

        return new string(chars);
    }
}
