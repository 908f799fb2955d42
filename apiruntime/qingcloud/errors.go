package qingcloud

import (
	"errors"
	"fmt"
	"strconv"
)

// Code is a ret_code from error_code.md.
type Code int

// The documented codes, grouped as error_code.md groups them.
const (
	// Client errors.
	CodeMessageFormat              Code = 1100 // 消息格式错误: missing or malformed parameter
	CodeInvalidMethod              Code = 1101 // 请求方法错误: unknown action or bad value
	CodeAuthFailure                Code = 1200 // 身份验证失败: unknown access key or bad signature
	CodeMessageExpired             Code = 1300 // 消息已过期: time_stamp more than 60 s old
	CodePermissionDenied           Code = 1400 // 访问被拒绝
	CodeRegisterFailed             Code = 1500 // 注册用户失败
	CodeAccountExists              Code = 1510 // 帐号已存在
	CodeInvalidAccountFormat       Code = 1520 // 帐号格式不合法
	CodeLoginFailed                Code = 1600 // 登录失败
	CodeUserNotFound               Code = 1610 // 找不到该用户
	CodePasswordMismatch           Code = 1620 // 密码不匹配
	CodeResetPasswordFailed        Code = 1630 // 重置密码失败
	CodeResetPasswordTooFrequent   Code = 1640 // 重置密码过于频繁
	CodeInvalidResetToken          Code = 1650 // 无效的密码重置 token
	CodeUsernameOrPasswordMismatch Code = 1660 // 用户名或密码不匹配
	CodeRegistrationIncomplete     Code = 1661 // 用户未完成注册
	CodeUserBanned                 Code = 1662 // 用户已被禁止访问
	CodeSessionExpired             Code = 2000 // 登录会话过期
	CodeResourceNotFound           Code = 2100 // 找不到资源
	CodeResourceExists             Code = 2110 // 资源已存在
	CodeLeaseFailed                Code = 2200 // 租赁资源失败
	CodeUnleaseFailed              Code = 2300 // 解除租赁失败
	CodeInsufficientBalance        Code = 2400 // 余额不足
	CodeQuotaExceeded              Code = 2500 // 超过配额: resource quota or API request quota
	CodeInvalidAPIModule           Code = 3300 // 无效的 API 模块

	// License errors.
	CodeInvalidLicense    Code = 4000 // 无效的证书
	CodeLicenseExpired    Code = 4001 // 授权证书已经过期
	CodeLicenseDuplicate  Code = 4002 // 平台已有相同的授权证书
	CodeLicenseExceeded   Code = 4003 // 超出证书授权
	CodeLicenseLoadFailed Code = 4004 // 加载授权证书失败
	CodeLicenseNotFound   Code = 4005 // 找不到授权证书

	// Server errors.
	CodeInternalError         Code = 5000 // 内部错误
	CodeServerBusy            Code = 5100 // 服务器繁忙: timeout or overload, try later
	CodeInsufficientResources Code = 5200 // 资源不足
	CodeServiceUpdating       Code = 5300 // 服务更新中
	CodeDependencyExists      Code = 5400 // 存在依赖关系
	CodeWarehouseDisabled     Code = 5500 // Warehouse 服务未开启
	CodeUnsupportedDiskType   Code = 5600 // 不支持的硬盘类型

	// Configuration file errors.
	CodeConfigInvalidParams  Code = 8000 // 命令参数验证失败
	CodeConfigNoImage        Code = 8001 // 配置文件中无任何镜像
	CodeConfigImageNotInZone Code = 8002 // 配置文件中镜像在指定区不存在
	CodeConfigInvalidCluster Code = 8003 // 无效的集群设置
	CodeConfigMissing        Code = 8004 // 缺少配置文件
)

// Kind is the group error_code.md puts a code in.
type Kind string

const (
	KindClient  Kind = "client"
	KindLicense Kind = "license"
	KindServer  Kind = "server"
	KindConfig  Kind = "config"
	KindUnknown Kind = "unknown"
)

// Kind reports the documented group of c, KindUnknown for codes the table
// does not list.
func (c Code) Kind() Kind {
	if _, ok := c.describe(); !ok {
		return KindUnknown
	}
	switch {
	case c < 4000:
		return KindClient
	case c < 5000:
		return KindLicense
	case c < 8000:
		return KindServer
	}
	return KindConfig
}

// String is the English name of a documented code, or "ret_code N".
func (c Code) String() string {
	if s, ok := c.describe(); ok {
		return s
	}
	return "ret_code " + strconv.Itoa(int(c))
}

// describe is a switch rather than a map so the table is not mutable state.
func (c Code) describe() (string, bool) {
	switch c {
	case CodeMessageFormat:
		return "message format error", true
	case CodeInvalidMethod:
		return "invalid request method", true
	case CodeAuthFailure:
		return "authentication failed", true
	case CodeMessageExpired:
		return "message expired", true
	case CodePermissionDenied:
		return "permission denied", true
	case CodeRegisterFailed:
		return "user registration failed", true
	case CodeAccountExists:
		return "account already exists", true
	case CodeInvalidAccountFormat:
		return "invalid account format", true
	case CodeLoginFailed:
		return "login failed", true
	case CodeUserNotFound:
		return "user not found", true
	case CodePasswordMismatch:
		return "password mismatch", true
	case CodeResetPasswordFailed:
		return "password reset failed", true
	case CodeResetPasswordTooFrequent:
		return "password reset too frequent", true
	case CodeInvalidResetToken:
		return "invalid password reset token", true
	case CodeUsernameOrPasswordMismatch:
		return "user name or password mismatch", true
	case CodeRegistrationIncomplete:
		return "registration incomplete", true
	case CodeUserBanned:
		return "user banned", true
	case CodeSessionExpired:
		return "login session expired", true
	case CodeResourceNotFound:
		return "resource not found", true
	case CodeResourceExists:
		return "resource already exists", true
	case CodeLeaseFailed:
		return "lease failed", true
	case CodeUnleaseFailed:
		return "unlease failed", true
	case CodeInsufficientBalance:
		return "insufficient balance", true
	case CodeQuotaExceeded:
		return "quota exceeded", true
	case CodeInvalidAPIModule:
		return "invalid API module", true
	case CodeInvalidLicense:
		return "invalid license", true
	case CodeLicenseExpired:
		return "license expired", true
	case CodeLicenseDuplicate:
		return "duplicate license", true
	case CodeLicenseExceeded:
		return "license limit exceeded", true
	case CodeLicenseLoadFailed:
		return "license load failed", true
	case CodeLicenseNotFound:
		return "license not found", true
	case CodeInternalError:
		return "internal error", true
	case CodeServerBusy:
		return "server busy", true
	case CodeInsufficientResources:
		return "insufficient resources", true
	case CodeServiceUpdating:
		return "service updating", true
	case CodeDependencyExists:
		return "dependency exists", true
	case CodeWarehouseDisabled:
		return "warehouse service disabled", true
	case CodeUnsupportedDiskType:
		return "unsupported disk type", true
	case CodeConfigInvalidParams:
		return "config: invalid command parameters", true
	case CodeConfigNoImage:
		return "config: no image", true
	case CodeConfigImageNotInZone:
		return "config: image not in zone", true
	case CodeConfigInvalidCluster:
		return "config: invalid cluster settings", true
	case CodeConfigMissing:
		return "config: file missing", true
	}
	return "", false
}

// Error is an answer with ret_code ≠ 0. It carries the action and the
// server's message, never the request URL (whose query holds the access key
// and signature).
type Error struct {
	Action  string
	RetCode Code
	Message string
	Kind    Kind
	// HTTPStatus is the HTTP status the answer came with (normally 200).
	HTTPStatus int
}

func (e *Error) Error() string {
	s := fmt.Sprintf("%s: ret_code %d (%s)", e.Action, int(e.RetCode), e.RetCode)
	if e.Message != "" {
		s += ": " + e.Message
	}
	return s
}

func newError(action string, code Code, msg string, status int) *Error {
	return &Error{Action: action, RetCode: code, Message: msg, Kind: code.Kind(), HTTPStatus: status}
}

// ErrorCode returns the ret_code inside err, if err wraps an *Error.
func ErrorCode(err error) (Code, bool) {
	var e *Error
	if errors.As(err, &e) {
		return e.RetCode, true
	}
	return 0, false
}

func hasCode(err error, c Code) bool {
	got, ok := ErrorCode(err)
	return ok && got == c
}

// IsQuotaExceeded reports ret_code 2500: a resource quota or the API
// request quota (2000 requests per hour for new users) is used up.
func IsQuotaExceeded(err error) bool { return hasCode(err, CodeQuotaExceeded) }

// IsNotFound reports ret_code 2100 (resource not found).
func IsNotFound(err error) bool { return hasCode(err, CodeResourceNotFound) }

// IsAuthFailure reports ret_code 1200: bad access key or signature.
func IsAuthFailure(err error) bool { return hasCode(err, CodeAuthFailure) }

// IsPermissionDenied reports ret_code 1400.
func IsPermissionDenied(err error) bool { return hasCode(err, CodePermissionDenied) }

// IsServerBusy reports ret_code 5100.
func IsServerBusy(err error) bool { return hasCode(err, CodeServerBusy) }

// IsRetryable reports the codes this package retries: 5000 and 5100.
func IsRetryable(err error) bool {
	c, ok := ErrorCode(err)
	return ok && (c == CodeInternalError || c == CodeServerBusy)
}
