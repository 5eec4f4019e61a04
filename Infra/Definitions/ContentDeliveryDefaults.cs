using System.Security.Cryptography;
using System.Text;

namespace OrdersPipeline.Infra.Definitions;

/// <summary>The CDN read path's fixed settings (docs/edge-and-network.md, "CDN read path"); the configurable ones are
/// <c>cdn*</c> in <see cref="ConfigSchema"/>.</summary>
public static class ContentDeliveryDefaults
{
    /// <summary>AWS's managed <c>CachingOptimized</c> cache policy: no query strings, cookies or headers in the cache
    /// key (only the normalised Accept-Encoding), TTL 1 s to 1 year, default 1 day. Its id is the same in every
    /// account (CloudFront Developer Guide, "Use managed cache policies"; AWS CDK <c>CachePolicy.CACHING_OPTIMIZED</c>).</summary>
    public const string CachingOptimizedPolicyId = "658327ea-f89d-4fab-a63d-7e88639e58f6";

    public const string OriginId = "processed-bucket";
    public const string OriginType = "s3";
    public const string SigningBehavior = "always";
    public const string SigningProtocol = "sigv4";
    public const string ViewerProtocolPolicy = "redirect-to-https";
    public const string HttpVersion = "http2and3";
    public const string GeoRestriction = "none";
    public static IReadOnlyList<string> Methods { get; } = ["GET", "HEAD"];

    /// <summary>With the default <c>*.cloudfront.net</c> certificate CloudFront always uses the TLSv1 security
    /// policy, whatever is asked for; asking for TLSv1.2_2021 would be ignored and show as a change on every
    /// deployment. A higher minimum needs a custom domain with an ACM certificate.</summary>
    public const string DefaultCertificateSecurityPolicy = "TLSv1";

    /// <summary>With a custom domain (cdnAliases + cdnCertificateArn): TLS 1.2 or later, the minimum, and SNI,
    /// which every current client sends (a dedicated-IP certificate costs $600 a month).</summary>
    public const string CustomCertificateSecurityPolicy = "TLSv1.2_2021";

    public const string SslSupportMethod = "sni-only";

    // Response headers (the security headers policy): every header overrides what the origin sends.
    public const int HstsMaxAgeSeconds = 31_536_000;
    public const string FrameOption = "DENY";

    /// <summary>The documents are data, not pages: nothing needs a Referer, and a signed URL's query string must never
    /// leave in one.</summary>
    public const string ReferrerPolicy = "no-referrer";

    /// <summary>The first 8 hex digits of the SHA-256 of the PEM (trimmed): a short, stable tag for one key.</summary>
    public static string KeyFingerprint(string publicKeyPem) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(publicKeyPem.Trim())))[..8];

    /// <summary>The PEM as CloudFront stores it: trimmed (config values are), with the final newline a PEM file has.</summary>
    public static string EncodedKey(string publicKeyPem) => publicKeyPem.Trim() + "\n";
}
