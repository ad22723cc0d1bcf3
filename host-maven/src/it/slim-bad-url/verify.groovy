// IT slim-bad-url: an unreachable <packExcludesUrl> fails the build and names the parameter, the address and the cause
def check = evaluate(new File(itCommon, 'verify-helpers.groovy'))
check.expectFailure('arkpack: cannot read <packExcludesUrl> http://127.0.0.1:9/rules: ConnectException')
return true
