/**
 * Who may do what: departments and their data scope, staff users with roles made of permission codes,
 * the separation of the three administrators (三员), staff login with a second factor (TOTP), citizens'
 * real-name accounts, and API clients with keys and rate limits. Facades: {@link
 * cn.chengxin.account.StaffDirectory}, {@link cn.chengxin.account.CitizenAccounts}, {@link
 * cn.chengxin.account.ApiClients}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "subject", "subject :: domain", "audit"})
package cn.chengxin.account;
