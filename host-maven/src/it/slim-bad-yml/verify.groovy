// IT slim-bad-yml: a malformed conf/ark/bootstrap.yml fails the build and names the file and line
def check = evaluate(new File(itCommon, 'verify-helpers.groovy'))
check.expectFailure('arkpack failed (exit 4): conf/ark/bootstrap.yml line 4: is not valid YAML: ')
return true
