// IT slim-why-no-report: goal why before any package: a clear failure
def check = evaluate(new File(itCommon, 'verify-helpers.groovy'))
check.expectFailure('arkpack: no slimming report at ', 'run mvn package first')
return true
