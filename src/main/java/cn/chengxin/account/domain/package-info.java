/**
 * Account security rules, plain Java: second-factor codes (RFC 6238 TOTP, RFC 4648 base32, otpauth URIs
 * and their QR codes), password complexity and login lockout (GB/T 22239-2019 level 3, §8.1.4.1), API keys
 * and rate limiting of client systems, and the separation of the three administrators (三员分立,
 * GB/T 22239-2019 §8.1.4.2). Time is always passed in, never read here.
 */
package cn.chengxin.account.domain;
