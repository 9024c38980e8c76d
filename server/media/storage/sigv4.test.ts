import { describe, expect, it } from "vitest";
import { amzDate, sha256Hex, signS3Request } from "./sigv4";

// AWS's worked example "GET Object" (Amazon S3 API reference, Signature Version 4, "Examples:
// Signature Calculations in AWS Signature Version 4"): the signature below is AWS's, not ours.
const AWS_EXAMPLE = {
  credentials: { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", region: "us-east-1" },
  signature: "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
};

describe("signS3Request", () => {
  it("reproduces AWS's published GET Object example", () => {
    const headers = signS3Request(
      {
        method: "GET",
        url: new URL("https://examplebucket.s3.amazonaws.com/test.txt"),
        headers: { Range: "bytes=0-9" },
        payloadHash: sha256Hex(""),
        now: new Date("2013-05-24T00:00:00Z"),
      },
      AWS_EXAMPLE.credentials,
    );
    expect(headers.authorization).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, " +
        `SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=${AWS_EXAMPLE.signature}`,
    );
    expect(headers["x-amz-date"]).toBe("20130524T000000Z");
    expect(headers).not.toHaveProperty("host");
  });

  it("signs a different body, path or time differently", () => {
    const base = { method: "PUT", url: new URL("http://127.0.0.1:9000/media/t1/recordings/r1.wav"), payloadHash: sha256Hex("a"), now: new Date("2026-12-04T10:00:00Z") };
    const sig = (over: Partial<typeof base>) => signS3Request({ ...base, ...over }, AWS_EXAMPLE.credentials).authorization;
    const first = sig({});
    expect(sig({ payloadHash: sha256Hex("b") })).not.toBe(first);
    expect(sig({ url: new URL("http://127.0.0.1:9000/media/t1/recordings/r2.wav") })).not.toBe(first);
    expect(sig({ now: new Date("2026-12-04T10:00:01Z") })).not.toBe(first);
    expect(amzDate(base.now)).toBe("20261204T100000Z");
  });
});
